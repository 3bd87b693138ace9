import { AnalystSqlRejectedError } from '../analyst-sql-policy.js';
import { refusalOf, tableNamesIn, type GatePolicy, type Refusal } from './check-syntax-tree.js';
import { readSyntaxTree, UnreadableSyntaxTreeError } from './syntax-tree.js';

/**
 * The engine's own parser (chDB's ClickHouse), so that what is checked is what the engine reads:
 * no text trick (invisible characters, `$$` strings, comments) can differ between the two.
 */
export interface SqlParser {
  /**
   * The one statement of `sql` as the engine formats it back from its syntax tree, on one line
   * (`formatQuerySingleLine`, given the text as a string value, so it is never run). Throws
   * SqlSyntaxError for text that is not exactly one statement.
   */
  canonical(sql: string): Promise<string>;
  /** The engine's `EXPLAIN AST` of a canonical statement, one line per node. */
  syntaxTree(canonical: string): Promise<readonly string[]>;
}

/** The engine could not read the text; `offset` (0-based, in characters) where it stopped. */
export class SqlSyntaxError extends Error {
  constructor(
    readonly engineMessage: string,
    readonly offset: number | undefined,
  ) {
    super(engineMessage);
    this.name = 'SqlSyntaxError';
  }
}

declare const passedTheGate: unique symbol;

/**
 * SQL that passed the gate: one SELECT over the analytics tables with allowed functions only.
 * Only `gateSql` makes one, so a session that takes GatedSql cannot be handed anything else.
 */
export interface GatedSql {
  /** The text as given (without trailing semicolons and space). */
  readonly text: string;
  /** The engine's own formatting of the statement that was checked: what analyst sessions run. */
  readonly canonical: string;
  /** Every table the statement names, as the engine's syntax tree holds them (tableNamesIn). */
  readonly tables: readonly string[];
  readonly [passedTheGate]: true;
}

/** Reads `sql` with the engine's parser and accepts only a read of the analytics tables. */
export async function gateSql(parser: SqlParser, sql: string, policy: GatePolicy): Promise<GatedSql> {
  let canonical: string;
  try {
    canonical = await parser.canonical(sql);
  } catch (error) {
    if (error instanceof SqlSyntaxError)
      throw new AnalystSqlRejectedError(
        'unreadable',
        `the engine cannot read this as one statement: ${firstLine(error.engineMessage)}`,
        error.offset,
      );
    throw error;
  }
  let refusal: Refusal | undefined;
  let tables: readonly string[] = [];
  try {
    const tree = readSyntaxTree(await parser.syntaxTree(canonical));
    refusal = refusalOf(tree, policy, cteNamesOf(canonical));
    tables = tableNamesIn(tree);
  } catch (error) {
    if (error instanceof UnreadableSyntaxTreeError)
      throw new AnalystSqlRejectedError(
        'unreadable',
        `the statement's syntax tree cannot be checked: ${error.message}`,
      );
    // EXPLAIN applies a statement's SETTINGS, and the parser's read-only session refuses them.
    if (error instanceof SqlSyntaxError && /Code: 164\b/.test(error.engineMessage))
      throw new AnalystSqlRejectedError(
        'settings',
        "SETTINGS are not allowed: the limits are the platform's",
        offsetOf(sql, 'SETTINGS'),
      );
    if (error instanceof SqlSyntaxError)
      throw new AnalystSqlRejectedError(
        'unreadable',
        `the engine cannot read this statement: ${firstLine(error.engineMessage)}`,
      );
    throw error;
  }
  if (refusal !== undefined)
    throw new AnalystSqlRejectedError(
      refusal.code,
      refusal.reason,
      refusal.find === undefined ? 0 : offsetOf(sql, refusal.find),
    );
  return { text: sql.trim().replace(/[;\s]+$/u, ''), canonical, tables } as GatedSql;
}

/**
 * Names of WITH subqueries as the engine formats them (`WITH name AS (SELECT`), which FROM may
 * name. A match inside a string value only lets FROM name a table of the session's database,
 * which holds the analytics tables alone.
 */
function cteNamesOf(canonical: string): Set<string> {
  const names = new Set<string>();
  for (const match of canonical.matchAll(/(?:\bWITH|,)\s+(`(?:[^`\\]|\\.)+`|[A-Za-z_][A-Za-z0-9_]*)\s+AS\s+\(/g)) {
    const name = match[1]!;
    names.add(name.startsWith('`') ? name.slice(1, -1) : name);
  }
  return names;
}

/** Where `word` first appears in the text as a word, case-insensitively; else the start. */
function offsetOf(sql: string, word: string): number {
  const escaped = word.replace(/[.*+?^${}()|[\]\\]/g, '\\$&');
  const match = new RegExp(`(?<![A-Za-z0-9_])${escaped}(?![A-Za-z0-9_])`, 'i').exec(sql);
  return match?.index ?? 0;
}

function firstLine(text: string): string {
  return text.split('\n')[0] ?? text;
}
