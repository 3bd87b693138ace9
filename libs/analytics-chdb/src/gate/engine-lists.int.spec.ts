import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AnalystSqlRejectedError,
  ALLOWED_COMBINATORS,
  ALLOWED_FUNCTIONS,
  gateSql,
  REFUSED_FUNCTIONS,
  SYNTAX_FUNCTIONS,
  type GatePolicy,
} from '@presales/analytics';
import { ChdbSqlParser } from './chdb-sql-parser.js';

/**
 * The engine's own lists (decision 0024): a new chDB version cannot add a function, table
 * function, combinator or system table the gate has not classified without failing here.
 */
const policy: GatePolicy = { tables: new Set(['tender_received']), database: 'presales' };
const folder = mkdtempSync(join(tmpdir(), 'presales-engine-lists-'));
// chDB allows one folder per process: the parser and the engine session share it.
const parser = ChdbSqlParser.open(folder);
let engine: Session;
const names = async (sql: string) =>
  (await engine.queryAsync(sql, { format: 'JSONEachRow' }))
    .text()
    .trim()
    .split('\n')
    .map((line) => (JSON.parse(line) as { name: string }).name);

beforeAll(() => {
  engine = new Session(folder);
});
afterAll(() => {
  engine.close();
  parser.close();
  rmSync(folder, { recursive: true, force: true });
});

const refusal = async (sql: string) => {
  const outcome = await gateSql(parser, sql, policy).then(
    (gated) => new Error(`accepted as ${gated.canonical}`),
    (error: unknown) => error,
  );
  expect(outcome, sql).toBeInstanceOf(AnalystSqlRejectedError);
  return (outcome as AnalystSqlRejectedError).reason;
};

describe("the gate against the engine's own lists", () => {
  it('classifies every function of system.functions as allowed or refused, and no name as both', async () => {
    const functions = await names('SELECT name FROM system.functions');
    const classified = new Set([...ALLOWED_FUNCTIONS, ...Object.keys(REFUSED_FUNCTIONS)]);
    expect(
      functions.filter((name) => !classified.has(name)),
      'run libs/analytics-chdb/scripts/classify-engine-functions.mjs',
    ).toEqual([]);
    expect(ALLOWED_FUNCTIONS.filter((name) => Object.hasOwn(REFUSED_FUNCTIONS, name))).toEqual([]);
    expect(SYNTAX_FUNCTIONS.filter((name) => functions.includes(name))).toEqual([]);
    expect(await names('SELECT name FROM system.aggregate_function_combinators ORDER BY name')).toEqual(
      [...ALLOWED_COMBINATORS].sort(),
    );
  });

  it('refuses every table function, in FROM, in a join, in a subquery and behind DESCRIBE', async () => {
    const tableFunctions = await names('SELECT name FROM system.table_functions');
    expect(tableFunctions.length).toBeGreaterThan(80);
    for (const name of tableFunctions) {
      // viewIfPermitted and view take a SELECT, not a value: the parser refuses 'x' first.
      expect(await refusal(`SELECT * FROM ${name}('x')`)).toMatch(
        new RegExp(`table function ${name}\\(\\)|cannot read`),
      );
      expect(await refusal(`SELECT * FROM tender_received AS t JOIN ${name}('x') AS f ON 1`)).toMatch(
        /table function|cannot read/,
      );
      expect(await refusal(`SELECT count() FROM (SELECT * FROM ${name}('x'))`)).toMatch(/table function|cannot read/);
      expect(await refusal(`DESCRIBE TABLE ${name}('x')`)).toMatch(/only a SELECT is allowed|cannot read/);
    }
  });

  it('refuses every system and information_schema table, read or used in IN', async () => {
    const tables = await names(
      "SELECT concat(database, '.', name) AS name FROM system.tables WHERE database IN ('system', 'information_schema', 'INFORMATION_SCHEMA')",
    );
    expect(tables.length).toBeGreaterThan(100);
    for (const table of tables) {
      expect(await refusal(`SELECT * FROM ${table}`)).toMatch(/is not allowed: only the analytics tables/);
      expect(await refusal(`SELECT 1 FROM tender_received WHERE tender_id IN ${table}`)).toMatch(/is not allowed/);
    }
  });

  it('refuses every function it does not allow, as a call anywhere in a SELECT', async () => {
    for (const name of Object.keys(REFUSED_FUNCTIONS)) {
      expect(await refusal(`SELECT count() FROM tender_received WHERE length(toString(${name}())) > 0`)).toMatch(
        /is not allowed/,
      );
    }
  });

  it('refuses every kind of statement other than SELECT', async () => {
    const statements = [
      "INSERT INTO tender_received (tender_id) VALUES ('x')",
      "INSERT INTO FUNCTION file('/tmp/x', 'TSV', 'x String') VALUES ('x')",
      'CREATE TABLE t (x UInt8) ENGINE = Memory',
      'CREATE VIEW v AS SELECT 1',
      "CREATE DICTIONARY d (k UInt64) PRIMARY KEY k SOURCE(FILE(path '/etc/passwd' format 'TSV')) LAYOUT(FLAT()) LIFETIME(0)",
      'CREATE FUNCTION f AS x -> x',
      'DROP TABLE tender_received',
      'ALTER TABLE tender_received DELETE WHERE 1',
      'ALTER TABLE tender_received FREEZE',
      'TRUNCATE TABLE tender_received',
      'RENAME TABLE tender_received TO t2',
      'EXCHANGE TABLES tender_received AND t2',
      'OPTIMIZE TABLE tender_received FINAL',
      'ATTACH TABLE t',
      'DETACH TABLE tender_received',
      'UNDROP TABLE t',
      'DELETE FROM tender_received WHERE 1',
      'UPDATE tender_received SET kind = 1 WHERE 1',
      'KILL QUERY WHERE 1',
      'KILL MUTATION WHERE 1',
      'USE system',
      'SET readonly = 0',
      'SHOW TABLES',
      'SHOW PROCESSLIST',
      'SHOW CREATE TABLE tender_received',
      'SHOW GRANTS',
      "SHOW SETTINGS LIKE '%'",
      'DESCRIBE TABLE tender_received',
      "DESCRIBE TABLE url('http://127.0.0.1:1/', 'TSV')",
      'EXISTS TABLE tender_received',
      'CHECK TABLE tender_received',
      'EXPLAIN SELECT 1',
      'EXPLAIN AST SELECT 1',
      'SYSTEM RELOAD DICTIONARIES',
      'SYSTEM SHUTDOWN',
      'SYSTEM DROP DNS CACHE',
      'GRANT SELECT ON *.* TO default',
      'REVOKE SELECT ON *.* FROM default',
      'CREATE USER u',
      "BACKUP TABLE tender_received TO File('/tmp/b')",
      "RESTORE TABLE tender_received FROM File('/tmp/b')",
      'WATCH tender_received',
      'BEGIN TRANSACTION',
      'COMMIT',
      "SELECT 1 INTO OUTFILE '/tmp/x'",
      "SELECT 1 INTO OUTFILE '/tmp/x' APPEND",
      "SELECT 1 INTO OUTFILE '/tmp/x' AND STDOUT",
      "SELECT 1 INTO OUTFILE '/tmp/x.gz' COMPRESSION 'gzip'",
      'SELECT 1 FORMAT JSON',
      'SELECT 1 SETTINGS max_threads = 1',
      'SELECT {p:String}',
      'SELECT * APPLY(file) FROM tender_received',
      'SELECT * FROM (EXPLAIN AST SELECT 1)',
      "SELECT * FROM viewExplain('EXPLAIN', 'ast', (SELECT 1))",
      'SELECT 1; SELECT 2',
      '',
    ];
    for (const statement of statements) await refusal(statement);
  });
});
