import type { SqlResponse } from '@presales/contracts';
import { formatCsv, formatTable } from './format-rows.js';
import { callPlatform, platformUrl, PlatformRequestError } from './platform-client.js';

const FORMATS = ['table', 'csv', 'json'] as const;

/** `presales sql "<statement>"`: asks a running platform, as an analyst, and prints the result. */
export async function runSql(positional: readonly string[], options: Readonly<Record<string, string>>): Promise<number> {
  const sql = positional.join(' ').trim();
  const format = options['format'] ?? 'table';
  if (sql === '') return fail('give the statement as an argument, e.g. presales sql "SELECT count() FROM events"');
  if (!(FORMATS as readonly string[]).includes(format)) return fail(`--format must be one of ${FORMATS.join(', ')}`);
  let body: SqlResponse;
  try {
    body = await callPlatform<SqlResponse>(platformUrl(options), '/api/sql', { method: 'POST', body: { sql } });
  } catch (error) {
    if (error instanceof PlatformRequestError) return fail(error.message);
    throw error;
  }
  if (format === 'json') console.log(JSON.stringify(body.rows, null, 2));
  else if (format === 'csv') console.log(formatCsv(body.columns, body.rows));
  else console.log(`${formatTable(body.columns, body.rows)}\n(${body.rowCount} rows, ${body.rowsRead} read, ${body.elapsedMs} ms)`);
  return 0;
}

function fail(message: string): number {
  console.error(`presales sql: ${message}`);
  return 2;
}
