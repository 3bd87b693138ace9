import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  analyticsTablesPolicy,
  computeKpis,
  computeKpisWith,
  GatedQueryStore,
  migrate,
  withScratchCopies,
  type KpiQuery,
} from '@presales/analytics';
import { TEST_FX } from '@presales/analytics/testing';
import { KPI_CATALOG, parsePeriod, type PublishedKpi } from '@presales/kpi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { ChdbAnalyticsStore } from '../chdb-analytics-store.js';
import type { ChdbSqlParser } from './chdb-sql-parser.js';

// KPI SQL read from a request's scratch copies (decision 0045) is user SQL on a writable
// session: it passes the gate, and a copy may only be named where the table macro put it.
const path = mkdtempSync(join(tmpdir(), 'presales-chdb-gated-copies-'));
let store: ChdbAnalyticsStore;
let parser: ChdbSqlParser;
let gated: GatedQueryStore;

const asOf = new Date('2026-05-01T00:00:00Z');
const period = parsePeriod('2026-Q1');
const ms = (iso: string) => new Date(iso).getTime();
const winRate = KPI_CATALOG.find((kpi) => kpi.id === 'win_rate')!;
const queryOf = (definition: PublishedKpi): KpiQuery => ({
  definition,
  period,
  scope: { kind: 'org' },
  asOf,
  fx: TEST_FX,
});
const fromCopies = (queries: readonly KpiQuery[]) =>
  withScratchCopies(gated, { asOf, tag: 'gated-copies' }, (copies) => computeKpisWith(copies.kpiStatements(), queries));

beforeAll(async () => {
  store = await ChdbAnalyticsStore.open({ path, database: 'gated_copies' });
  await migrate(store);
  parser = store.openSqlParser();
  gated = new GatedQueryStore(store, { parser, policy: analyticsTablesPolicy('gated_copies') });
  // One win and one loss in the quarter, and a win recorded after asOf, which the copies leave out.
  await store.command(
    `INSERT INTO opportunity_won (position, entity_id, occurred_at_ms, recorded_at_ms) VALUES (1, 'o1', ${ms('2026-02-01')}, ${ms('2026-02-01')}), (3, 'o3', ${ms('2026-03-01')}, ${ms('2026-06-01')})`,
  );
  await store.command(
    `INSERT INTO opportunity_lost (position, entity_id, occurred_at_ms, recorded_at_ms) VALUES (2, 'o2', ${ms('2026-02-02')}, ${ms('2026-02-02')})`,
  );
});

afterAll(async () => {
  parser?.close();
  await store?.close();
  rmSync(path, { recursive: true, force: true });
});

describe('KPI SQL over scratch copies through the gate', () => {
  it('computes every catalog KPI from the copies, through the gate, as read in place', async () => {
    const queries = KPI_CATALOG.map(queryOf);
    const [inPlace, copied] = [await computeKpis(gated, queries), await fromCopies(queries)];
    expect(copied.map((actual) => actual.error)).toEqual(queries.map(() => undefined));
    expect(copied.map(({ value, units }) => ({ value, units }))).toEqual(
      inPlace.map(({ value, units }) => ({ value, units })),
    );
    expect(copied[KPI_CATALOG.indexOf(winRate)]).toMatchObject({ value: 0.5, units: 2 });
  });

  it('refuses a KPI that names a copy itself, outside the table macro', async () => {
    const sql = winRate.sql.replace(
      'FROM ({{closures}}) AS c',
      "FROM ({{closures}} UNION ALL SELECT entity_id, occurred_at_ms, 'won' FROM scratch_opportunity_won) AS c",
    );
    await expect(fromCopies([queryOf({ ...winRate, sql })])).rejects.toThrow(
      /names a scratch copy 4 times where its table macros put 3/,
    );
  });

  it('refuses a KPI whose table macro sits in a string, where the copy it names is no table', async () => {
    const sql = winRate.sql.replace(
      "outcome IN ('won', 'lost')",
      "outcome IN ('won', 'lost', '{{t:opportunity_won}}')",
    );
    await expect(fromCopies([queryOf({ ...winRate, sql })])).rejects.toThrow(
      /names a scratch copy 3 times where its table macros put 4/,
    );
  });

  it('fails only its own line when one KPI of the statement is refused', async () => {
    const refused = { ...winRate, id: 'refused', sql: winRate.sql.replace('{{closures}}', 'SELECT * FROM system.one') };
    const [own, other] = await fromCopies([queryOf(refused), queryOf(winRate)]);
    expect(own!.error).toMatch(/system\.one is not allowed/);
    expect(other).toMatchObject({ value: 0.5, units: 2 });
  });
});
