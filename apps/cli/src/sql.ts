import type { ApiErrorBody, SqlResponse } from '@presales/contracts';
import { formatCsv, formatTable } from './format-rows.js';

const FORMATS = ['table', 'csv', 'json'] as const;

/** `presales sql "<statement>"`: asks a running platform, as an analyst, and prints the result. */
export async function runSql(positional: readonly string[], options: Readonly<Record<string, string>>): Promise<number> {
  const sql = positional.join(' ').trim();
  const format = options['format'] ?? 'table';
  const base = options['url'] ?? process.env['PRESALES_URL'] ?? 'http://localhost:3000';
  if (sql === '') return fail('presales sql: give the statement as an argument, e.g. presales sql "SELECT count() FROM events"');
  if (!(FORMATS as readonly string[]).includes(format)) return fail(`presales sql: --format must be one of ${FORMATS.join(', ')}`);
  let response: Response;
  try {
    response = await fetch(new URL('/api/sql', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'x-actor-id': process.env['USER'] ?? 'cli', 'x-actor-role': 'analyst' },
      body: JSON.stringify({ sql }),
    });
  } catch (error) {
    return fail(`presales sql: cannot reach the platform at ${base} (${(error as Error).message}); start it with presales start or pass --url`);
  }
  const body = (await response.json()) as SqlResponse | ApiErrorBody;
  if ('error' in body) return fail(`presales sql: ${body.error.message}`);
  if (format === 'json') console.log(JSON.stringify(body.rows, null, 2));
  else if (format === 'csv') console.log(formatCsv(body.columns, body.rows));
  else console.log(`${formatTable(body.columns, body.rows)}\n(${body.rowCount} rows, ${body.rowsRead} read, ${body.elapsedMs} ms)`);
  return 0;
}

function fail(message: string): number {
  console.error(message);
  return 2;
}
