import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStore, AnalystSession } from '../analytics-store.port.js';
import { EarlierEventMemory } from '../projection/earlier-events.js';
import { projectEvents } from '../projection/project-events.js';
import { projectionContextOf } from '../projection/projection-context.js';
import { EXAMPLE_QUERIES } from '../schema/example-queries.js';
import { migrate } from '../schema/migrations.js';
import { TEST_ANALYST_LIMITS } from './analyst-sql.contract.js';
import { recordedHistory } from './fixtures.js';
import { ungatedForTests } from './ungated-sql.js';

/** One of each fact an example reads: a late bid, a win in one region of two, hours in two months. */
const HISTORY = recordedHistory(1n, [
  [
    'tender-T-1',
    'TenderReceived',
    '2026-01-05T09:00:00Z',
    { tenderId: 'T-1', opportunityId: 'O-1', kind: 'rfp', issuer: '国家电网', deadline: '2026-02-01T09:00:00Z' },
  ],
  [
    'tender-T-2',
    'TenderReceived',
    '2026-01-06T09:00:00Z',
    { tenderId: 'T-2', opportunityId: 'O-2', kind: 'tender', issuer: 'Ministry', deadline: '2026-02-01T09:00:00Z' },
  ],
  [
    'tender-T-1',
    'BidSubmitted',
    '2026-02-01T09:30:00Z',
    { documentSha256: 'a'.repeat(64), channel: 'portal', receiptRef: 'R-1' },
  ],
  ['opportunity-O-1', 'OpportunityRegistered', '2026-01-02T00:00:00Z', registered('O-1', 'East')],
  ['opportunity-O-2', 'OpportunityRegistered', '2026-01-03T00:00:00Z', registered('O-2', 'West')],
  ['opportunity-O-1', 'OpportunityWon', '2026-03-01T00:00:00Z', { amount: { amount: '900000', currency: 'CNY' } }],
  [
    'consultant-C-1',
    'TimeLogged',
    '2026-01-07T00:00:00Z',
    { entryId: 'E-1', date: '2026-01-07', hours: 6, category: 'solution', opportunityId: 'O-1' },
  ],
  [
    'consultant-C-1',
    'TimeLogged',
    '2026-02-07T00:00:00Z',
    { entryId: 'E-2', date: '2026-02-07', hours: 2.5, category: 'solution', opportunityId: 'O-1' },
  ],
]);

function registered(opportunityId: string, region: string): Record<string, unknown> {
  return {
    opportunityId,
    name: `Deal ${opportunityId}`,
    customer: '华东电网',
    industry: 'utilities',
    region,
    productLines: ['erp'],
    projectType: 'project',
    estimatedValue: { amount: '1000000', currency: 'CNY' },
    salesOwnerId: 'S-1',
  };
}

/** What each example answers on HISTORY: the same on every engine. */
const EXPECTED: Readonly<Record<string, (rows: readonly Record<string, unknown>[]) => void>> = {
  'tenders-by-kind': (rows) =>
    expect(rows).toEqual([
      { kind: 'rfp', n: 1 },
      { kind: 'tender', n: 1 },
    ]),
  'late-bids': (rows) =>
    expect(rows).toEqual([
      { tender_id: 'T-1', channel: 'portal', submitted_at: '2026-02-01 09:30:00', minutes_late: 30 },
    ]),
  'win-rate-by-region': (rows) =>
    expect(rows).toEqual([
      { region: 'East', registered: 1, won: 1 },
      { region: 'West', registered: 1, won: 0 },
    ]),
  'hours-by-month': (rows) =>
    expect(rows.map((row) => [String(row['month']), row['category'], Number(row['hours'])])).toEqual([
      ['2026-01-01', 'solution', 6],
      ['2026-02-01', 'solution', 2.5],
    ]),
  'events-by-type': (rows) =>
    expect(rows.map((row) => [row['type'], row['events']])).toEqual([
      ['OpportunityRegistered', 2],
      ['TenderReceived', 2],
      ['TimeLogged', 2],
      ['BidSubmitted', 1],
      ['OpportunityWon', 1],
    ]),
};

/** The schema browser's example queries run on this engine as an analyst's session runs them, and answer what the history says. */
export function describeExampleQueriesContract(openStore: () => Promise<AnalyticsStore>): void {
  describe('example queries', () => {
    let session: AnalystSession;
    beforeAll(async () => {
      const store = await openStore();
      await migrate(store);
      for (const [table, rows] of projectEvents(HISTORY, projectionContextOf(HISTORY, new EarlierEventMemory())))
        if (rows.length > 0) await store.insert(table, rows);
      session = await store.openAnalystSession(TEST_ANALYST_LIMITS);
      return () => session.close();
    });

    it('has an expected answer for every example', () => {
      expect(Object.keys(EXPECTED).sort()).toEqual(EXAMPLE_QUERIES.map((example) => example.id).sort());
    });

    it('streams, for an export, the columns and rows it answers', async () => {
      const sql = ungatedForTests(EXAMPLE_QUERIES.find((example) => example.id === 'hours-by-month')!.sql);
      const answer = await session.query(sql);
      const stream = await session.stream(sql);
      const rows: unknown[][] = [];
      for await (const row of stream.rows) rows.push([...row]);
      expect(stream.columns.map((column) => column.name)).toEqual(answer.columns.map((column) => column.name));
      expect(rows.map((row) => row.map(String))).toEqual(
        answer.rows.map((row) => answer.columns.map((column) => String(row[column.name]))),
      );
    });

    it.each(EXAMPLE_QUERIES.map((example) => [example.id, example] as const))('%s', async (id, example) => {
      const result = await session.query(ungatedForTests(example.sql));
      EXPECTED[id]!(result.rows);
    });
  });
}
