import { describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { projectEvents } from '../projection/project-events.js';
import { searchRecords } from '../queries/record-search.js';
import { migrate } from '../schema/migrations.js';
import { NO_CONTEXT, QUOTE_LINE, recordedHistory, upcastQuoteDrafted, type HistoryEntry } from './fixtures.js';

const LINE = QUOTE_LINE;
const opportunity = (id: string, name: string, customer: string): HistoryEntry => [
  `opportunity-${id}`,
  'OpportunityRegistered',
  '2026-01-01T00:00:00Z',
  {
    opportunityId: id,
    name,
    customer,
    industry: 'finance',
    region: 'east',
    productLines: ['erp'],
    projectType: 'project',
    estimatedValue: { amount: '1000', currency: 'CNY' },
    salesOwnerId: 'S-1',
  },
];
const tender = (id: string, opportunityId: string, issuer: string): HistoryEntry => [
  `tender-${id}`,
  'TenderReceived',
  '2026-01-02T00:00:00Z',
  { tenderId: id, opportunityId, kind: 'rfp', issuer, deadline: '2026-02-01T12:00:00Z' },
];

/**
 * The auditor's search (GET /api/audit/search) on each engine: the text reaches the SQL only through
 * the escaping function, and a quote without a tender still leads to the bids of its opportunity.
 */
export function describeRecordSearchContract(fresh: () => Promise<AnalyticsStore>): void {
  describe('record search', () => {
    const recorded = recordedHistory(1n, [
      opportunity('O-S1', 'Core banking', "Bank O'Hara 华夏"),
      opportunity('O-S2', 'Port logistics', 'Harbour Authority'),
      tender('T-S1', 'O-S1', 'City procurement'),
      tender('T-S2', 'O-S2', 'Harbour Authority tenders'),
      [
        'quote-Q-S1',
        'QuoteDrafted',
        '2026-01-03T00:00:00Z',
        { quoteId: 'Q-S1', opportunityId: 'O-S1', tenderId: 'T-S1', currency: 'CNY', lines: [LINE] },
      ],
      [
        'quote-Q-S9',
        'QuoteDrafted',
        '2026-01-03T00:00:00Z',
        { quoteId: 'Q-S9', opportunityId: 'O-S2', currency: 'CNY', lines: [LINE] },
      ],
    ]);
    const history = recorded.map(upcastQuoteDrafted);
    const seeded = async () => {
      const store = await fresh();
      await migrate(store);
      for (const [table, rows] of projectEvents(history, NO_CONTEXT)) await store.insert(table, rows);
      return store;
    };
    const ids = async (store: AnalyticsStore, text: string, offset = 0, limit = 20) => {
      const result = await searchRecords(store, { text, offset, limit });
      return { ids: result.tenders.map((t) => t.tenderId), more: result.more };
    };

    it('finds a tender by id, issuer, opportunity name, customer or quote id, case-insensitively, with what it is', async () => {
      const store = await seeded();
      expect(await ids(store, 't-s1')).toEqual({ ids: ['T-S1'], more: false });
      expect(await ids(store, 'harbour')).toEqual({ ids: ['T-S2'], more: false });
      expect(await ids(store, 'CORE BANK')).toEqual({ ids: ['T-S1'], more: false });
      expect(await ids(store, "o'hara 华夏")).toEqual({ ids: ['T-S1'], more: false });
      expect(await ids(store, 'Q-S9')).toEqual({ ids: ['T-S2'], more: false });
      const [found] = (await searchRecords(store, { text: 'T-S2', offset: 0, limit: 5 })).tenders;
      expect(found).toEqual({
        tenderId: 'T-S2',
        opportunityId: 'O-S2',
        kind: 'rfp',
        issuer: 'Harbour Authority tenders',
        deadline: '2026-02-01T12:00:00.000Z',
        opportunityName: 'Port logistics',
        customer: 'Harbour Authority',
        quoteIds: ['Q-S9'],
      });
    });

    it('pages in tender id order and treats SQL in the text as text', async () => {
      const store = await seeded();
      expect(await ids(store, 'T-S', 0, 1)).toEqual({ ids: ['T-S1'], more: true });
      expect(await ids(store, 'T-S', 1, 1)).toEqual({ ids: ['T-S2'], more: false });
      expect(await ids(store, 'T-S', 2, 1)).toEqual({ ids: [], more: false });
      expect(await ids(store, "x') OR 1 = 1 OR ('")).toEqual({ ids: [], more: false });
      expect(await ids(store, '%')).toEqual({ ids: [], more: false });
    });
  });
}
