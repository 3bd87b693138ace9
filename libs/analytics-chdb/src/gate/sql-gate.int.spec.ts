import { afterAll, describe, expect, it } from 'vitest';
import {
  AnalystSqlRejectedError,
  analyticsTablesPolicy,
  EXAMPLE_QUERIES,
  gateSql,
  type GatePolicy,
} from '@presales/analytics';
import { ChdbSqlParser } from './chdb-sql-parser.js';

const policy: GatePolicy = { tables: new Set(['tender_received', 'events']), database: 'presales' };
const parser = ChdbSqlParser.open();
afterAll(() => parser.close());

const refusal = async (sql: string) => {
  const outcome = await gateSql(parser, sql, policy).then(
    (gated) => new Error(`accepted as ${gated.canonical}: ${sql}`),
    (error: unknown) => error,
  );
  expect(outcome, sql).toBeInstanceOf(AnalystSqlRejectedError);
  return outcome as AnalystSqlRejectedError;
};

describe("the SQL gate on chDB's parser", () => {
  it("accepts a read of the analytics tables and gives the engine's own text of it", async () => {
    const gated = await gateSql(
      parser,
      'select tender_id, countIf(kind = $$rfp$$) AS n from tender_received FINAL group by tender_id ;  ',
      policy,
    );
    expect(gated.canonical).toBe(
      "SELECT tender_id, countIf(kind = 'rfp') AS n FROM tender_received FINAL GROUP BY tender_id",
    );
    expect(gated.text).toBe(
      'select tender_id, countIf(kind = $$rfp$$) AS n from tender_received FINAL group by tender_id',
    );
    await gateSql(
      parser,
      'WITH recent AS (SELECT * FROM presales.events WHERE position > 10) SELECT count() FROM recent UNION ALL SELECT 1',
      policy,
    );
    await gateSql(
      parser,
      'SELECT arrayMap(x -> x * 2, [1, 2]), sumIf(position, position > 1) OVER (ORDER BY position), uniqExactDistinct(1) FROM events WHERE tender_id IN (SELECT tender_id FROM tender_received)',
      policy,
    );
  });

  it.each(EXAMPLE_QUERIES.map((example) => [example.id, example.sql] as const))(
    'accepts the example query %s as published',
    async (_id, sql) => {
      await gateSql(parser, sql, analyticsTablesPolicy('presales'));
    },
  );

  it('refuses INTO OUTFILE hidden by invisible characters or a $$ string, naming it', async () => {
    expect((await refusal("SELECT 1 INTO\u200bOUTFILE '/tmp/x'")).reason).toMatch(/INTO OUTFILE/);
    expect((await refusal("SELECT $$ ; $$ INTO OUTFILE '/tmp/x'")).reason).toMatch(/INTO OUTFILE/);
    expect((await refusal('SELECT 1 FORMAT TSV')).reason).toMatch(/FORMAT/);
    expect((await refusal('SELECT 1 SETTINGS readonly = 0')).reason).toMatch(/SETTINGS/);
    expect((await refusal('SELECT count() FROM events SETTINGS max_threads = 1 UNION ALL SELECT 1')).reason).toMatch(
      /SETTINGS/,
    );
  });

  it('gives each refusal a reason code to count it by, whatever its message', async () => {
    const codes = await Promise.all(
      [
        'SELECT 1; DROP TABLE events',
        'DROP TABLE events',
        "SELECT 1 INTO OUTFILE '/tmp/x'",
        'SELECT 1 SETTINGS readonly = 0',
        "SELECT * FROM file('/etc/passwd')",
        "SELECT 1, file('/etc/passwd')",
        'SELECT * FROM system.tables',
      ].map(async (sql) => (await refusal(sql)).code),
    );
    expect(codes).toEqual([
      'unreadable',
      'not_a_select',
      'output_option',
      'settings',
      'table_function',
      'function',
      'table',
    ]);
  });

  it('refuses a second statement at the position the engine gives', async () => {
    const error = await refusal('SELECT 1; DROP TABLE events');
    expect(error.reason).toMatch(/Multi-statements are not allowed/);
    expect(error.offset).toBe(8);
  });

  it('refuses file() as a function, naming it and where it is', async () => {
    const error = await refusal("SELECT 1, file('/etc/passwd')");
    expect(error.reason).toMatch(/the function file\(\) is not allowed: it reads host files/);
    expect(error.offset).toBe(10);
  });
});
