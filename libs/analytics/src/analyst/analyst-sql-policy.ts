import { SqlLexError, tokenizeSql, type SqlToken } from './sql-tokens.js';

/** An analyst query refused before or by the engine; the reason says what and where. */
export class AnalystSqlRejectedError extends Error {
  constructor(
    readonly reason: string,
    readonly offset?: number,
  ) {
    super(offset === undefined ? reason : `${reason} (at character ${offset + 1})`);
    this.name = 'AnalystSqlRejectedError';
  }
}

const isWord = (token: SqlToken | undefined, text: string): boolean => token?.kind === 'word' && token.text.toUpperCase() === text;

/**
 * Text checks that read-only sessions cannot make (DESIGN.md decision 9):
 * - one statement only: chDB runs every statement of a multi-statement text;
 * - no `INTO OUTFILE`: chDB writes it client-side, in our process, even in a readonly=1 session
 *   (measured on chDB 26.7);
 * - no `FORMAT` clause: the platform chooses the wire format.
 * Everything else (DDL, INSERT, SET, table functions reaching files, processes or the network)
 * is refused by the engine's readonly=1 session itself.
 * Returns the statement without a trailing semicolon.
 */
export function checkAnalystSql(sql: string): string {
  let tokens: SqlToken[];
  try {
    tokens = tokenizeSql(sql);
  } catch (error) {
    if (error instanceof SqlLexError) throw new AnalystSqlRejectedError(`cannot read the query: ${error.message}`, error.offset);
    throw error;
  }
  if (tokens.length === 0) throw new AnalystSqlRejectedError('the query is empty');
  let end = tokens.length;
  while (end > 0 && tokens[end - 1]!.kind === 'symbol' && (tokens[end - 1] as { text: string }).text === ';') end -= 1;
  const statement = tokens.slice(0, end);
  const semicolon = statement.find((t) => t.kind === 'symbol' && t.text === ';');
  if (semicolon !== undefined) throw new AnalystSqlRejectedError('only one statement is allowed; a second one starts after this semicolon', semicolon.offset);
  statement.forEach((token, i) => {
    if (isWord(token, 'INTO') && isWord(statement[i + 1], 'OUTFILE')) throw new AnalystSqlRejectedError('INTO OUTFILE is not allowed: results are returned, never written to files', token.offset);
    const next = statement[i + 1];
    const isCall = next?.kind === 'symbol' && next.text === '(';
    if (isWord(token, 'FORMAT') && !isCall) throw new AnalystSqlRejectedError('a FORMAT clause is not allowed: the platform returns JSON (export CSV from the result)', token.offset);
  });
  const firstTrailingSemicolon = tokens[end];
  return (firstTrailingSemicolon === undefined ? sql : sql.slice(0, firstTrailingSemicolon.offset)).trim();
}
