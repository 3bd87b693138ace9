/** Every command the CLI knows; `help` prints them. */
export const COMMANDS = {
  start: 'start the platform on the configured engines (embedded by default) and serve the dashboard',
  help: 'print this help',
} as const;
export type CommandName = keyof typeof COMMANDS;

export type ParsedArgs = { readonly command: CommandName; readonly options: Readonly<Record<string, string>> } | { readonly error: string };

/** `presales <command> [--name value | --name=value]...` */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  if (command === '--help' || command === '-h') return { command: 'help', options: {} };
  if (!Object.hasOwn(COMMANDS, command)) return { error: `unknown command ${JSON.stringify(command)}; try: ${Object.keys(COMMANDS).join(', ')}` };
  const options: Record<string, string> = {};
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/.exec(arg);
    if (match === null) return { error: `unexpected argument ${JSON.stringify(arg)}` };
    const value = match[2] ?? rest[i + 1];
    if (value === undefined) return { error: `option --${match[1]} needs a value` };
    if (match[2] === undefined) i += 1;
    options[match[1]!] = value;
  }
  return { command: command as CommandName, options };
}

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'usage: presales <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'start options: --port N, --data-dir DIR (same as PORT and DATA_DIR; see the README configuration table)',
  ].join('\n');
}
