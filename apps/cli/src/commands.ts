/** Every command the CLI knows; `help` prints them. */
export const COMMANDS = {
  start: 'start the platform on the configured engines (embedded by default) and serve the dashboard',
  projector:
    'run the projector as its own process (ClickHouse server; the API with PROJECTOR=off): active while it holds the lease, else standby',
  sql: 'run one read-only SQL statement over the analytics tables of a running platform: presales sql "SELECT …"',
  rebuild: 'drop and rebuild every read model of a running platform from position 0, with progress',
  demo: 'generate a seeded, realistic presales history: into the event store (empty only) or, with --out FILE, as JSONL',
  import:
    'validate and append events from a JSONL or CSV file, rejected lines reported to FILE.rejected.jsonl; --restore FILE for an export',
  export:
    'write every event in $all order with recordedAt, revision, position and hashes as JSONL: presales export FILE.jsonl',
  kpi: "print the PDCA scorecard of every KPI for one period and scope; kpi catalog-changes [publish]: what this release's catalog changes",
  maturity: "print the maturity level of every process area, or one area's practices",
  audit:
    'audit and dispute replay: presales audit history|as-of|diff|proof|verify|evidence|kpis|reads (see docs/audit.md)',
  login:
    'sign in to a running platform and keep an API token for this machine: presales login --username NAME, or --token TOKEN',
  logout: 'revoke and forget the token login kept for this platform',
  token:
    'API tokens for scripts and integrations: presales token create --name N [--role R] [--expires-in 90d] | list | revoke ID',
  record:
    'record any presales fact through the command API: presales record SubmitBid --json \'{"tenderId":"T-1",…}\' (commands: /api/docs)',
  help: 'print this help',
} as const;
export type CommandName = keyof typeof COMMANDS;

/**
 * The options each command reads. Any other is refused with these named: a mistyped option
 * (--perod) must not run the command with its default instead.
 */
export const COMMAND_OPTIONS: Readonly<Record<CommandName, readonly string[]>> = {
  start: ['port', 'data-dir', 'host'],
  projector: ['data-dir'],
  sql: ['url', 'format'],
  rebuild: ['url'],
  demo: ['scale', 'seed', 'out', 'months', 'start', 'data-dir', 'durability'],
  import: ['table', 'map', 'mapping', 'encoding', 'references', 'restore', 'actor', 'batch', 'data-dir', 'durability'],
  export: ['from-position', 'streams', 'data-dir', 'durability'],
  kpi: ['period', 'scope', 'as-of', 'project-type', 'version', 'url'],
  maturity: ['as-of', 'window', 'threshold', 'area', 'url'],
  audit: [
    'at',
    'from',
    'to',
    'out',
    'extract',
    'as-of',
    'period',
    'scope',
    'window',
    'threshold',
    'actor',
    'stream',
    'page',
    'format',
    'url',
  ],
  login: ['url', 'username', 'token'],
  logout: ['url'],
  token: ['url', 'name', 'role', 'expires-in'],
  record: ['json', 'if-match', 'idempotency-key', 'url'],
  help: [],
};

export type ParsedArgs =
  | {
      readonly command: CommandName;
      readonly positional: readonly string[];
      readonly options: Readonly<Record<string, string>>;
    }
  | { readonly error: string };

/** `presales <command> [positional…] [--name value | --name=value]...` */
export function parseArgs(argv: readonly string[]): ParsedArgs {
  const [command = 'help', ...rest] = argv;
  if (command === '--help' || command === '-h') return { command: 'help', positional: [], options: {} };
  if (!Object.hasOwn(COMMANDS, command))
    return { error: `unknown command ${JSON.stringify(command)}; try: ${Object.keys(COMMANDS).join(', ')}` };
  const options: Record<string, string> = {};
  const positional: string[] = [];
  for (let i = 0; i < rest.length; i += 1) {
    const arg = rest[i]!;
    const match = /^--([a-z][a-z-]*)(?:=(.*))?$/s.exec(arg);
    if (match === null) {
      if (arg.startsWith('--')) return { error: `unexpected argument ${JSON.stringify(arg)}` };
      positional.push(arg);
      continue;
    }
    if (!COMMAND_OPTIONS[command as CommandName].includes(match[1]!)) {
      const known = COMMAND_OPTIONS[command as CommandName].map((name) => `--${name}`).join(', ');
      return { error: `${command}: unknown option --${match[1]}${known === '' ? '' : `; it takes ${known}`}` };
    }
    const value = match[2] ?? rest[i + 1];
    if (value === undefined) return { error: `option --${match[1]} needs a value` };
    if (match[2] === undefined) i += 1;
    options[match[1]!] = value;
  }
  return { command: command as CommandName, positional, options };
}

export function helpText(): string {
  const width = Math.max(...Object.keys(COMMANDS).map((c) => c.length));
  return [
    'usage: presales <command> [options]',
    '',
    ...Object.entries(COMMANDS).map(([name, summary]) => `  ${name.padEnd(width)}  ${summary}`),
    '',
    'start options: --port N, --data-dir DIR, --host H (same as PORT, DATA_DIR, HOST; see the README configuration table)',
    'projector options: --data-dir DIR (the SQLite event store it shares with the API); the rest as for start: EVENTSTORE_URL, CLICKHOUSE_URL, CLICKHOUSE_CLUSTER',
    'sql options:   --url URL (default $PRESALES_URL or http://localhost:3000), --format table|csv|json (default table)',
    'rebuild options: --url URL',
    'demo options:  --scale small|medium|large|N (default small, ~20k events), --seed S (default 1), --out FILE, --months M, --start YYYY-MM-DD',
    'import options: --table opportunities|consultants|time-logs and --map "Column=field,…" or --mapping FILE.json, --encoding auto|utf-8|gb18030|… (CSV; auto: a byte-order mark, else UTF-8), --references checked|forward (forward: a reference may name what a later line records), --restore FILE (admin), --actor id[:role]',
    'export options: --from-position N, --streams prefix[,prefix]',
    "demo, import and export use the platform's event store: EVENTSTORE_URL, else --data-dir / DATA_DIR (SQLite; --durability normal|full, default normal)",
    'kpi options:   --period 2026-03|2026-Q1 (default this month), --scope org|team:ID|consultant:ID|product_line:ID, --as-of ISO, --project-type T, --version N (each KPI at its latest version up to N), --url URL',
    'maturity options: --as-of ISO, --window QUARTERS (default 2), --threshold 0.8, --area AREA (practices and failing units), --url URL',
    'audit options: --at/--from/--to MOMENT (revision, ISO time or head), --out FILE.tar | --extract DIR, --as-of ISO, --format text|json, --url URL',
    'login options: --username NAME (the password is read from the terminal, or from standard input when piped) or --token TOKEN; --url URL',
    'token options: create --name N [--role R] [--expires-in 90d] | list | revoke ID; --url URL',
    "record options: --json '{…}' (the command's fields; path ids included), --if-match REVISION, --idempotency-key KEY, --url URL",
    'every command that calls a running platform sends the token saved by login for that URL, or PRESALES_TOKEN',
  ].join('\n');
}
