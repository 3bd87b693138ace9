import type { EventStore, ReadStreamOptions, RecordedEvent } from '@presales/event-store';
import { describe, expect, it } from 'vitest';
import { SqlDecimal, type AnalyticsRow } from '../analytics-store.port.js';
import { copyingHistory } from '../testing/fixtures.js';
import { EarlierEventMemory } from './earlier-events.js';
import { projectEvents } from './project-events.js';
import { loadProjectionContext, projectionContextOf } from './projection-context.js';

/** The copied columns of a projected history, by table, in position order. */
function copied(rows: Map<string, AnalyticsRow[]>) {
  const pick = (table: string, ...columns: string[]) =>
    (rows.get(table) ?? []).map((row) => Object.fromEntries(columns.map((c) => [c, row[c]])));
  return {
    completed: pick('activity_completed', 'opportunity_id', 'activity_kind'),
    submitted: pick('bid_submitted', 'tender_deadline_ms', 'tender_received_at_ms'),
    acknowledged: pick(
      'presales_support_acknowledged',
      'request_id',
      'requested_at_ms',
      'request_kind',
      'request_product_line',
    ),
    lost: pick('opportunity_lost', 'estimated_value', 'estimated_value_currency'),
    released: pick(
      'consultant_released',
      'assignment_id',
      'assignment_allocation_pct',
      'assignment_from_ms',
      'assignment_to_ms',
    ),
  };
}

const day = (n: number) => Date.parse('2026-01-01T00:00:00Z') + n * 86_400_000;
const EXPECTED = {
  completed: [{ opportunity_id: 'O-9', activity_kind: 'demo' }],
  submitted: [{ tender_deadline_ms: Date.parse('2026-01-20T12:00:00Z'), tender_received_at_ms: day(3) }],
  acknowledged: [
    { request_id: 'R-2', requested_at_ms: day(4), request_kind: 'rfp', request_product_line: 'crm' },
    { request_id: 'R-1', requested_at_ms: day(2), request_kind: 'poc', request_product_line: 'erp' },
  ],
  lost: [{ estimated_value: new SqlDecimal('1200000.50'), estimated_value_currency: 'USD' }],
  released: [
    {
      assignment_id: 'AS-1',
      assignment_allocation_pct: 60,
      assignment_from_ms: Date.parse('2026-01-02T00:00:00Z'),
      assignment_to_ms: Date.parse('2026-03-31T00:00:00Z'),
    },
  ],
};

/** An event store that only reads streams, and counts the reads. */
function streamsOf(history: readonly RecordedEvent[]) {
  const reads: { streamId: string; maxCount: number | undefined }[] = [];
  const store = {
    readStream: async (streamId: string, options: ReadStreamOptions = {}) => {
      reads.push({ streamId, maxCount: options.maxCount });
      return history.filter((e) => e.streamId === streamId).slice(0, options.maxCount);
    },
  } as unknown as EventStore;
  return { store, reads };
}

describe('projection context: columns copied from earlier events of the stream', () => {
  it('copies from earlier events in the same batch, matching support requests by requestId', () => {
    const history = copyingHistory();
    expect(copied(projectEvents(history, projectionContextOf(history, new EarlierEventMemory())))).toEqual(EXPECTED);
  });

  it('copies from earlier batches through the memory, without reading the store', async () => {
    const history = copyingHistory();
    const { store, reads } = streamsOf(history);
    const memory = new EarlierEventMemory();
    await loadProjectionContext(store, history.slice(0, 5), memory);
    const later = history.slice(5);
    expect(copied(projectEvents(later, await loadProjectionContext(store, later, memory)))).toEqual(EXPECTED);
    expect(reads).toEqual([]);
  });

  it('reads what the memory does not hold: a stream’s first event alone, a whole stream for a match', async () => {
    const history = copyingHistory();
    const { store, reads } = streamsOf(history);
    const later = history.slice(5);
    expect(copied(projectEvents(later, await loadProjectionContext(store, later, new EarlierEventMemory(0))))).toEqual(
      EXPECTED,
    );
    expect(reads).toEqual([
      { streamId: 'opportunity-O-9', maxCount: undefined },
      { streamId: 'activity-A-9', maxCount: 1 },
      { streamId: 'tender-T-9', maxCount: 1 },
    ]);
  });

  it('leaves copied columns empty when the log has no earlier event, as the join it replaces did', () => {
    const orphan = copyingHistory().slice(7, 8);
    expect(copied(projectEvents(orphan, projectionContextOf(orphan, new EarlierEventMemory()))).completed).toEqual([
      { opportunity_id: '', activity_kind: '' },
    ]);
  });
});

describe('EarlierEventMemory', () => {
  it('keeps the most recently used entries up to its capacity', () => {
    const memory = new EarlierEventMemory(2);
    const facts = (n: number) => ({ occurredAt: `t${n}`, data: {} });
    memory.set('a', facts(1));
    memory.set('b', facts(2));
    memory.get('a');
    memory.set('c', facts(3));
    expect([memory.get('a'), memory.get('b'), memory.get('c')]).toEqual([facts(1), undefined, facts(3)]);
    expect(memory.size).toBe(2);
  });

  it('refuses a capacity that is not a whole number', () => {
    expect(() => new EarlierEventMemory(-1)).toThrow(/capacity must be a whole number ≥ 0, got -1/);
  });
});
