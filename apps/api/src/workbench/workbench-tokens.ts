/** The workbench's SQLite store of saved queries and history (decision 0030). */
export const WORKBENCH_STORE = Symbol('WorkbenchStore');
