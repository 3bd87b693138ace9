import { userInfo } from 'node:os';
import { createReadStream, existsSync, readFileSync } from 'node:fs';
import { ACTOR_ROLES, type Actor, type ActorRole } from '@presales/domain';
import {
  CSV_TABLE_NAMES,
  CSV_TABLES,
  importCsvFile,
  importJsonlFile,
  isCsvTableName,
  isReferenceMode,
  REFERENCE_MODES,
  jsonlItems,
  parseCsvEncoding,
  parseMapOption,
  restoreExport,
  RestoreVerificationError,
  type FileImportProgress,
  type FileImportResult,
} from '@presales/interchange';
import { CliError, reportFailure } from './cli-error.js';
import { openEventStoreTarget } from './event-store-target.js';
import { renderProgress } from './progress-bar.js';

const KNOWN = new Set([
  'restore',
  'table',
  'map',
  'mapping',
  'actor',
  'data-dir',
  'durability',
  'batch',
  'encoding',
  'references',
]);

/**
 * `presales import FILE.jsonl | FILE.csv --table T [--map "Col=field,…"] [--encoding E] | --restore FILE`.
 * Exit 0 when every line was appended or already present, 1 when some were rejected (the valid
 * ones are appended all the same), 2 for a usage error or an unreadable file.
 */
export async function runImport(
  positional: readonly string[],
  options: Readonly<Record<string, string>>,
): Promise<number> {
  try {
    const file = positional[0] ?? options['restore'];
    const unknown = Object.keys(options).filter((name) => !KNOWN.has(name));
    if (unknown.length > 0) throw new CliError(`unknown option --${unknown[0]}`);
    if (file === undefined || positional.length > 1) throw new CliError('give one file: presales import FILE.jsonl');
    if (!existsSync(file)) throw new CliError(`${file}: no such file`);
    if (options['restore'] !== undefined) return await restore(file, options);
    const csv = file.toLowerCase().endsWith('.csv');
    if (!csv && options['encoding'] !== undefined)
      throw new CliError('--encoding is for CSV files: JSONL is UTF-8 (DOMAIN.md line format)');
    const encoding = parseCsvEncoding(options['encoding'] ?? 'auto');
    const references = options['references'] ?? 'checked';
    if (!isReferenceMode(references))
      throw new CliError(`--references ${references}: must be ${REFERENCE_MODES.join(' or ')}`);
    const target = await openEventStoreTarget(options);
    try {
      console.error(`importing ${file} into ${target.description}`);
      const progress = progressPrinter();
      // The CLI opens the store's files (or server) directly, so whoever runs it is an operator of this host: recorded as such.
      const batch = {
        references,
        importedBy: hostOperator(),
        ...(options['batch'] === undefined ? {} : { batchLines: Number(options['batch']) }),
      };
      const result = csv
        ? await importCsvFile(file, csvTable(options), csvMapping(options), csvActor(options), target.store, {
            ...batch,
            encoding,
            onProgress: progress.update,
          })
        : await importJsonlFile(file, target.store, { ...batch, onProgress: progress.update });
      progress.finish();
      printSummary(result, progress.elapsedMs());
      return result.rejected > 0 ? 1 : 0;
    } finally {
      await target.store.close();
    }
  } catch (error) {
    // A file that cannot be read whole and right is refused before anything is appended.
    return reportFailure('import', error);
  }
}

/** `--restore`: verify the export's chains, then write it with its own recordedAt and hashes. */
async function restore(file: string, options: Readonly<Record<string, string>>): Promise<number> {
  const target = await openEventStoreTarget(options);
  try {
    if (target.sqlite === undefined)
      throw new CliError(
        `restore needs the SQLite event store; ${target.description} has no restore operation in this build (see docs/import-export.md)`,
      );
    const sqlite = target.sqlite;
    const started = Date.now();
    console.error(`verifying ${file}, then restoring into ${target.description}`);
    const source = () => jsonlItems(createReadStream(file, { highWaterMark: 1024 * 1024 }));
    const summary = await restoreExport(source, sqlite, {
      onProgress: (done) => process.stderr.write(`\r  restored ${done.toLocaleString('en-US')} events`),
    });
    process.stderr.write('\n');
    const verification = await sqlite.verifyAll();
    console.log(
      `restored ${summary.restored.toLocaleString('en-US')} events of ${summary.streams.toLocaleString('en-US')} streams (${summary.alreadyPresent.toLocaleString('en-US')} already present) in ${((Date.now() - started) / 1000).toFixed(1)} s; verifyAll: ${verification.ok ? 'ok' : 'FAILED'}`,
    );
    return verification.ok ? 0 : 1;
  } catch (error) {
    if (!(error instanceof RestoreVerificationError)) throw error;
    console.error(`presales import --restore: ${error.message}`);
    for (const finding of error.findings.slice(0, 10))
      console.error(
        `  line ${finding.line}${finding.stream === undefined ? '' : ` ${finding.stream}`}: ${finding.reason}`,
      );
    return 1;
  } finally {
    await target.store.close();
  }
}

function csvTable(options: Readonly<Record<string, string>>) {
  const name = options['table'];
  if (name === undefined || !isCsvTableName(name))
    throw new CliError(
      `a CSV import needs --table ${CSV_TABLE_NAMES.join('|')}${name === undefined ? '' : `, not ${name}`}`,
    );
  return CSV_TABLES[name];
}

function csvMapping(options: Readonly<Record<string, string>>): Record<string, string> {
  const fromFile =
    options['mapping'] === undefined
      ? {}
      : (JSON.parse(readFileSync(options['mapping'], 'utf8')) as Record<string, string>);
  return { ...fromFile, ...(options['map'] === undefined ? {} : parseMapOption(options['map'])) };
}

/** Who ran a CLI import: the operating-system account, as an admin of this host. */
function hostOperator(): Actor {
  const name =
    userInfo()
      .username.replace(/[^A-Za-z0-9_-]/g, '')
      .slice(0, 58) || 'operator';
  return { id: `host-${name}`, role: 'admin' };
}

/** Who the CSV rows are recorded as: `--actor id[:role]`, default the OS user as an admin importing for the team. */
function csvActor(options: Readonly<Record<string, string>>): Actor {
  const [id = (process.env['USER'] ?? 'importer').replace(/[^A-Za-z0-9_-]/g, '') || 'importer', role = 'admin'] = (
    options['actor'] ?? ''
  )
    .split(':')
    .filter((part) => part !== '');
  if (!(ACTOR_ROLES as readonly string[]).includes(role))
    throw new CliError(`--actor ${options['actor']}: role must be one of ${ACTOR_ROLES.join(', ')}`);
  return { id, role: role as ActorRole };
}

/** A progress bar with rate and ETA on stderr: redrawn in a terminal, a line every 2 s otherwise. */
function progressPrinter() {
  const started = Date.now();
  const interactive = process.stderr.isTTY === true;
  let lastPrinted = 0;
  let last: FileImportProgress | undefined;
  const line = (progress: FileImportProgress) => {
    // Lines total is not known up front: estimate it from the share of bytes read so far.
    const total =
      progress.bytesRead > 0
        ? Math.max(progress.lines, Math.round((progress.lines * progress.totalBytes) / progress.bytesRead))
        : progress.lines;
    return renderProgress({ done: progress.lines, total, elapsedMs: Date.now() - started });
  };
  return {
    update: (progress: FileImportProgress) => {
      last = progress;
      if (interactive) process.stderr.write(`\r${line(progress)}`);
      else if (Date.now() - lastPrinted > 2000) {
        process.stderr.write(`${line(progress)}\n`);
        lastPrinted = Date.now();
      }
    },
    finish: () => {
      if (last !== undefined)
        process.stderr.write(`${interactive ? '\r' : ''}${line({ ...last, bytesRead: last.totalBytes })}\n`);
    },
    elapsedMs: () => Date.now() - started,
  };
}

function printSummary(result: FileImportResult, elapsedMs: number): void {
  const number = (value: number) => value.toLocaleString('en-US');
  const rate = elapsedMs > 0 ? Math.round((result.lines * 1000) / elapsedMs) : 0;
  console.log(
    `${number(result.lines)} lines: ${number(result.appended)} appended, ${number(result.alreadyPresent)} already present, ${number(result.rejected)} rejected (${number(rate)} lines/s)`,
  );
  if (result.rejected === 0) return;
  const byCode = Object.entries(result.rejectedByCode)
    .map(([code, count]) => `${code} ${number(count)}`)
    .join(', ');
  console.log(`rejected by reason: ${byCode}`);
  for (const example of result.examples)
    console.log(`  line ${example.line}${example.stream === undefined ? '' : ` ${example.stream}`}: ${example.reason}`);
  if (result.rejected > result.examples.length)
    console.log(`  … ${number(result.rejected - result.examples.length)} more`);
  console.log(`report of every rejected line: ${result.reportPath}`);
}
