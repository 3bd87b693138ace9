import { runAudit } from './audit-command.js';
import { helpText, parseArgs } from './commands.js';
import { runKpiCommand, runMaturity } from './kpi-command.js';
import { runDemo } from './demo-command.js';
import { runExport } from './export-command.js';
import { runImport } from './import-command.js';
import { runLogin, runLogout } from './login-command.js';
import { runRecord } from './record-command.js';
import { runToken } from './token-command.js';
import { runRebuild } from './rebuild.js';
import { runSql } from './sql.js';
import { start } from './start.js';

const parsed = parseArgs(process.argv.slice(2));
if ('error' in parsed) {
  console.error(`presales: ${parsed.error}\n\n${helpText()}`);
  process.exit(2);
}
switch (parsed.command) {
  case 'start':
    if (parsed.positional.length > 0) {
      console.error(`presales start: unexpected argument ${JSON.stringify(parsed.positional[0])}\n\n${helpText()}`);
      process.exit(2);
    }
    start(parsed.options);
    break;
  case 'projector':
    if (parsed.positional.length > 0) {
      console.error(`presales projector: unexpected argument ${JSON.stringify(parsed.positional[0])}\n\n${helpText()}`);
      process.exit(2);
    }
    start(parsed.options, 'projector');
    break;
  case 'sql':
    void runSql(parsed.positional, parsed.options).then((code) => process.exit(code));
    break;
  case 'rebuild':
    void runRebuild(parsed.options).then((code) => process.exit(code));
    break;
  case 'kpi':
    void runKpiCommand(parsed.positional, parsed.options).then((code) => process.exit(code));
    break;
  case 'maturity':
    void runMaturity(parsed.options).then((code) => process.exit(code));
    break;
  case 'demo':
    void runDemo(parsed.positional, parsed.options).then(exitWith, crash);
    break;
  case 'import':
    void runImport(parsed.positional, parsed.options).then(exitWith, crash);
    break;
  case 'export':
    void runExport(parsed.positional, parsed.options).then(exitWith, crash);
    break;
  case 'audit':
    void runAudit(parsed.positional, parsed.options).then(exitWith, crash);
    break;
  case 'login':
    void runLogin(parsed.options).then(exitWith, crash);
    break;
  case 'logout':
    void runLogout(parsed.options).then(exitWith, crash);
    break;
  case 'record':
    void runRecord(parsed.positional, parsed.options).then(exitWith, crash);
    break;
  case 'token':
    void runToken(parsed.positional, parsed.options).then(exitWith, crash);
    break;
  case 'help':
    console.log(helpText());
    break;
}

function exitWith(code: number): void {
  process.exit(code);
}

/** An unexpected failure: its message, and exit code 1 (2 is for usage errors). */
function crash(error: unknown): void {
  console.error(`presales: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(1);
}
