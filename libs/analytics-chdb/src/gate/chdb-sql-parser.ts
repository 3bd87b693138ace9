import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';
import { sqlValue, SqlSyntaxError, type SqlParser } from '@presales/analytics';

/**
 * The gate's parser (decision 0024): chDB's ClickHouse parser, on a session that only ever
 * formats a string value and prints syntax trees. Read-only, and with room for the largest text
 * the API takes (100,000 characters, three bytes each, escaped).
 */
const PARSER_ARGS = ['--readonly=1', '--max_query_size=1048576', '--max_parser_depth=1000'];

export class ChdbSqlParser implements SqlParser {
  /**
   * A parser beside a chDB store in this process (`path` is the store's folder: chDB allows one
   * folder per process), or on a folder of its own when the analytics live on a server.
   */
  static open(path?: string): ChdbSqlParser {
    if (path !== undefined) return new ChdbSqlParser(new Session(path, { connectionArgs: PARSER_ARGS }), undefined);
    const own = mkdtempSync(join(tmpdir(), 'presales-sql-parser-'));
    return new ChdbSqlParser(new Session(own, { connectionArgs: PARSER_ARGS }), own);
  }

  private constructor(
    private readonly session: Session,
    private readonly ownFolder: string | undefined,
  ) {}

  async canonical(sql: string): Promise<string> {
    const statement = `SELECT formatQuerySingleLine(${sqlValue(sql)}) AS q`;
    const body = await this.run(
      statement,
      'JSONEachRow',
      (message) => new SqlSyntaxError(message, positionIn(sql, message)),
    );
    return (JSON.parse(body) as { q: string }).q;
  }

  async syntaxTree(canonical: string): Promise<readonly string[]> {
    const body = await this.run(
      `EXPLAIN AST ${canonical}`,
      'JSONCompactEachRow',
      (message) => new SqlSyntaxError(message, undefined),
    );
    return body
      .split('\n')
      .filter((line) => line !== '')
      .map((line) => (JSON.parse(line) as [string])[0]);
  }

  close(): void {
    if (this.session.open) this.session.close();
    if (this.ownFolder !== undefined) rmSync(this.ownFolder, { recursive: true, force: true });
  }

  private async run(statement: string, format: string, refused: (message: string) => Error): Promise<string> {
    try {
      return (await this.session.queryAsync(statement, { format })).text();
    } catch (error) {
      throw refused(engineMessage(error));
    }
  }
}

/**
 * The engine counts bytes of the UTF-8 text from 1 ("failed at position 9"); the API speaks of
 * characters from 0.
 */
function positionIn(sql: string, message: string): number | undefined {
  const position = /failed at position (\d+)/.exec(message)?.[1];
  if (position === undefined) return undefined;
  const bytes = Buffer.from(sql, 'utf8').subarray(0, Number(position) - 1);
  return bytes.toString('utf8').length;
}

/** The engine's message without the statement it echoes (the whole text, as a string value). */
function engineMessage(error: unknown): string {
  const message = error instanceof Error ? error.message : String(error);
  return message.replace(/: In scope SELECT formatQuerySingleLine\([\s\S]*$/, '').replace(/\. *$/, '');
}
