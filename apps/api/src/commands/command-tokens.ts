export const COMMAND_RECEIPTS = Symbol('CommandReceipts');
