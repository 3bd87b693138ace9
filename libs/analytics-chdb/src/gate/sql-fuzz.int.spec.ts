import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Session } from 'chdb';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { AnalystSqlRejectedError, functionVerdict, gateSql, type GatePolicy } from '@presales/analytics';
import { ChdbSqlParser } from './chdb-sql-parser.js';
import { fuzzSql } from './sql-fuzz.js';

const TEXTS = 10_000;
const policy: GatePolicy = { tables: new Set(['tender_received']), database: 'default' };
const folder = mkdtempSync(join(tmpdir(), 'presales-sql-fuzz-'));
const parser = ChdbSqlParser.open(folder);
let engine: Session;

beforeAll(async () => {
  engine = new Session(folder, { connectionArgs: ['--readonly=0'] });
  await engine.queryAsync(
    'CREATE TABLE IF NOT EXISTS default.tender_received (tender_id String, kind String) ENGINE = MergeTree ORDER BY tender_id',
  );
});
afterAll(() => {
  engine.close();
  parser.close();
  rmSync(folder, { recursive: true, force: true });
});

/**
 * What the engine itself makes of an accepted statement, by another of its code paths: the
 * analyzer's query tree names every table and function after resolution (aliases, case,
 * combinators), and the engine's text of the statement has no output option or second statement.
 * Undefined when it is a read of the analytics tables with allowed functions; a statement the
 * analyzer refuses (an unknown column) would not run either.
 */
async function notARead(canonical: string): Promise<string | undefined> {
  const outside = canonical.replace(/'(?:[^'\\]|\\.)*'|`(?:[^`\\]|\\.)*`|"(?:[^"\\]|\\.)*"/g, "''");
  // The engine's text writes every alias with AS, so FORMAT followed by one last word, SETTINGS
  // followed by an assignment, INTO OUTFILE followed by a string are the clauses, not names.
  const option = /\bINTO OUTFILE ''| FORMAT \S+$|\bSETTINGS \S+ = |;/.exec(outside);
  if (option !== null) return `the text has ${option[0]}`;
  let tree: string;
  try {
    tree = (await engine.queryAsync(`EXPLAIN QUERY TREE ${canonical}`, { format: 'TSVRaw' })).text();
  } catch {
    return undefined;
  }
  if (tree.includes('TABLE_FUNCTION')) return 'it calls a table function';
  for (const [, table] of tree.matchAll(/table_name: ([^,\n]+)/g)) {
    if (table !== 'default.tender_received' && table !== 'system.one') return `it reads ${table}`;
  }
  for (const [, name] of tree.matchAll(/function_name: ([^,\n]+)/g)) {
    if (!functionVerdict(name!).allowed) return `it calls ${name}`;
  }
  return undefined;
}

describe('the gate under fuzzing', () => {
  it(`accepts, of ${TEXTS} generated texts, only reads of the analytics tables`, async () => {
    const escapes: string[] = [];
    let accepted = 0;
    let index = 0;
    for (const text of fuzzSql(TEXTS)) {
      index += 1;
      try {
        const gated = await gateSql(parser, text, policy);
        accepted += 1;
        const why = await notARead(gated.canonical);
        if (why !== undefined) escapes.push(`#${index} ${JSON.stringify(text)} → ${gated.canonical}: ${why}`);
      } catch (error) {
        if (!(error instanceof AnalystSqlRejectedError)) throw error;
      }
    }
    expect(escapes).toEqual([]);
    // Not vacuous: many texts are reads, many are not.
    expect(accepted).toBeGreaterThan(300);
    expect(TEXTS - accepted).toBeGreaterThan(5000);
  }, 120_000);
});
