import type { SqlResponse } from '@presales/contracts';
import { formatCsv, formatTable } from './format-rows.js';
import { CliError, reportFailure } from './cli-error.js';
import { callPlatform, platformUrl } from './platform-client.js';

const FORMATS = ['table', 'csv', 'json'] as const;

/** `presales sql "<statement>"`: asks a running platform, as an analyst, and prints the result. */
export async function runSql(
  positional: readonly string[],
  options: Readonly<Record<string, string>>,
): Promise<number> {
  const sql = positional.join(' ').trim();
  const format = options['format'] ?? 'table';
  try {
    if (sql === '')
      throw new CliError('give the statement as an argument, e.g. presales sql "SELECT count() FROM events"');
    if (!(FORMATS as readonly string[]).includes(format))
      throw new CliError(`--format must be one of ${FORMATS.join(', ')}`);
    const body = await callPlatform<SqlResponse>(platformUrl(options), '/api/sql', { method: 'POST', body: { sql } });
    if (format === 'json') console.log(JSON.stringify(body.rows, null, 2));
    else if (format === 'csv') console.log(formatCsv(body.columns, body.rows));
    else
      console.log(
        `${formatTable(body.columns, body.rows)}\n(${body.rowCount} rows, ${body.rowsRead} read, ${body.elapsedMs} ms)`,
      );
    return 0;
  } catch (error) {
    return reportFailure('sql', error);
  }
}
