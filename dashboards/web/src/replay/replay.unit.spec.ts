import type { BidHistoryResponse } from '@presales/contracts';
import { describe, expect, it } from 'vitest';
import {
  aboutStreams,
  actorsOf,
  chainSummary,
  distanceText,
  filteredTimeline,
  positionOf,
  readableStreams,
  valueText,
  type TimelineEvent,
} from './replay-model';
import { parseReplayQuery, replayQueryOf } from './replay-route';

const event = (streamId: string, revision: number, recordedAt: string, actor: string): TimelineEvent => ({
  position: String(revision),
  streamId,
  revision: String(revision),
  id: `${streamId}-${revision}`,
  type: 'Something',
  data: {},
  actor: { id: actor, role: 'sales' },
  occurredAt: recordedAt,
  recordedAt,
  schemaVersion: 1,
  prevHash: '0'.repeat(64),
  hash: 'a'.repeat(64),
  link: 'tender',
});

const EVENTS = [
  event('tender-T-1', 0, '2026-02-01T09:00:00.000Z', 'sales-1'),
  event('quote-Q-1', 0, '2026-03-01T09:00:00.000Z', 'sales-1'),
  event('quote-Q-1', 1, '2026-03-02T15:00:00.000Z', 'manager-1'),
  event('tender-T-1', 1, '2026-03-14T16:00:00.000Z', 'sales-1'),
];

describe('the replay timeline', () => {
  it('filters by stream and by actor, both at once', () => {
    expect(filteredTimeline(EVENTS, { stream: 'quote-Q-1', actor: null }).map((e) => e.id)).toEqual([
      'quote-Q-1-0',
      'quote-Q-1-1',
    ]);
    expect(filteredTimeline(EVENTS, { stream: null, actor: 'manager-1' }).map((e) => e.id)).toEqual(['quote-Q-1-1']);
    expect(filteredTimeline(EVENTS, { stream: 'tender-T-1', actor: 'manager-1' })).toEqual([]);
    expect(actorsOf(EVENTS)).toEqual(['sales-1', 'manager-1']);
  });

  it('puts the slider on the last event recorded at or before the moment, at the end without one', () => {
    expect(positionOf(EVENTS, null)).toBe(3);
    expect(positionOf(EVENTS, '2026-03-02T15:00:00.000Z')).toBe(2);
    expect(positionOf(EVENTS, '2026-03-02T14:59:59Z')).toBe(1);
    expect(positionOf(EVENTS, '2025-01-01T00:00:00Z')).toBe(0);
    expect(positionOf([], '2026-03-02T15:00:00Z')).toBe(0);
  });

  it('lists the streams a state can be read of, and says what a chain verdict means', () => {
    const history: BidHistoryResponse = {
      tenderId: 'T-1',
      opportunityId: 'O-1',
      events: EVENTS,
      streams: [
        {
          streamId: 'tender-T-1',
          link: 'tender',
          readable: true,
          eventsInHistory: 2,
          chain: { ok: true, streamId: 'tender-T-1', events: 2 },
        },
        { streamId: 'opportunity-O-1', link: 'opportunity', readable: false, reason: 'never registered' },
      ],
    };
    expect(readableStreams(history)).toEqual(['tender-T-1']);
    expect(chainSummary({ ok: false, streamId: 'tender-T-1', firstBrokenRevision: '5', reason: 'edited' })).toEqual({
      kind: 'broken',
      revision: '5',
      reason: 'edited',
    });
  });

  it('writes values and distances for a reader', () => {
    expect(valueText('900')).toBe('900');
    expect(valueText({ a: 1 })).toBe('{"a":1}');
    expect(valueText(undefined)).toBe('—');
    expect(distanceText(60_000 - 1)).toBe('+59.999 s');
    expect(distanceText(60_000)).toBe('+1 min');
    expect(distanceText(-(72_000_000 + 60_000))).toBe('−20 h 1 min');
    expect(distanceText(0)).toBe('0.000 s');
  });
});

describe('the audit reads of a bid', () => {
  it('are those about any of its streams, by subject or by the streams an answer was built from', () => {
    const read = (subject: string, streams: string[]) => ({
      position: '1',
      streamId: 'audit-2026-03-20',
      revision: '0',
      actor: { id: 'a', role: 'auditor' },
      occurredAt: '',
      recordedAt: '',
      request: 'history',
      subject,
      streams,
      parameters: {},
      outcome: { kind: 'answered' as const },
    });
    const bid = ['tender-T-1', 'quote-Q-1'];
    expect(aboutStreams(read('quote-Q-1', ['quote-Q-1']), bid)).toBe(true);
    expect(aboutStreams(read('search', ['tender-T-1', 'tender-T-2']), bid)).toBe(true);
    expect(aboutStreams(read('tender-T-2', ['tender-T-2', 'quote-Q-2']), bid)).toBe(false);
    expect(aboutStreams(read('$all', []), bid)).toBe(false);
  });
});

describe('the replay link', () => {
  it('round-trips every setting and leaves defaults out', () => {
    const query = {
      q: 'acme',
      page: 2,
      stream: 'quote-Q-1',
      actor: 'sales-1',
      of: 'quote-Q-1',
      at: '2026-03-14T16:00:00.000Z',
      from: '3',
      to: '2026-03-20T09:00:00.000Z',
      tab: 'diff' as const,
    };
    const raw = replayQueryOf(query);
    expect(parseReplayQuery(raw as Record<string, string>)).toEqual(query);
    expect(replayQueryOf(parseReplayQuery({}))).toEqual({});
  });

  it('reads a hand-edited link safely', () => {
    expect(parseReplayQuery({ page: '-3', tab: 'drop', q: '  ' })).toMatchObject({ page: 1, tab: 'state', q: '' });
    expect(parseReplayQuery({ page: ['2', '3'] })).toMatchObject({ page: 1 });
  });
});
