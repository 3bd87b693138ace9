/** A lexical token of ClickHouse SQL, enough to find statement boundaries and clauses. */
export type SqlToken =
  | { readonly kind: 'word'; readonly text: string; readonly offset: number }
  | { readonly kind: 'symbol'; readonly text: string; readonly offset: number }
  | { readonly kind: 'string' | 'quoted_identifier' | 'number'; readonly offset: number };

export class SqlLexError extends Error {
  constructor(
    message: string,
    readonly offset: number,
  ) {
    super(message);
  }
}

/**
 * Splits SQL into words, symbols, literals and quoted identifiers, skipping comments and
 * whitespace. Strings and quoted identifiers are opaque, so a `;` or a keyword inside them
 * never counts. Backslash escapes and doubled quotes are both honoured, as in ClickHouse.
 */
export function tokenizeSql(sql: string): SqlToken[] {
  const tokens: SqlToken[] = [];
  let i = 0;
  while (i < sql.length) {
    const c = sql[i]!;
    if (/\s/.test(c)) {
      i += 1;
    } else if (sql.startsWith('--', i) || c === '#') {
      const end = sql.indexOf('\n', i);
      i = end === -1 ? sql.length : end + 1;
    } else if (sql.startsWith('/*', i)) {
      const end = sql.indexOf('*/', i + 2);
      if (end === -1) throw new SqlLexError('unterminated /* comment', i);
      i = end + 2;
    } else if (c === "'" || c === '"' || c === '`') {
      const end = closingQuote(sql, i);
      tokens.push({ kind: c === "'" ? 'string' : 'quoted_identifier', offset: i });
      i = end + 1;
    } else if (/[A-Za-z_]/.test(c)) {
      const start = i;
      while (i < sql.length && /[A-Za-z0-9_$]/.test(sql[i]!)) i += 1;
      tokens.push({ kind: 'word', text: sql.slice(start, i), offset: start });
    } else if (/[0-9]/.test(c)) {
      const start = i;
      while (i < sql.length && /[0-9A-Za-z_.]/.test(sql[i]!)) i += 1;
      tokens.push({ kind: 'number', offset: start });
    } else {
      tokens.push({ kind: 'symbol', text: c, offset: i });
      i += 1;
    }
  }
  return tokens;
}

function closingQuote(sql: string, start: number): number {
  const quote = sql[start]!;
  let i = start + 1;
  while (i < sql.length) {
    const c = sql[i]!;
    if (c === '\\') i += 2;
    else if (c === quote && sql[i + 1] === quote) i += 2;
    else if (c === quote) return i;
    else i += 1;
  }
  throw new SqlLexError(`unterminated ${quote} quote`, start);
}
