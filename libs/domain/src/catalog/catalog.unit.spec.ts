import { describe, expect, it } from 'vitest';
import { applyChecked } from '../testing/apply-checked.js';
import { ValidationError } from '../shared/errors.js';
import { STREAM_CATEGORIES, parseStreamName, streamName } from '../shared/streams.js';
import { upcastPayload } from '../shared/upcasting.js';
import { AGGREGATES, aggregateFor } from './aggregates.js';
import { EVENT_SCHEMAS, UPCASTERS, isDomainEventType, parseDomainEvent, upcastEvent } from './event-catalog.js';
import { EVENT_CATEGORIES, parseStreamEvent } from './stream-events.js';

const tenderData = {
  tenderId: 'T-1',
  opportunityId: 'O-1',
  kind: 'rfp',
  issuer: 'City of Hangzhou',
  deadline: '2026-03-01T09:00:00Z',
};
const v1Line = {
  lineId: 'L-1',
  productLine: 'erp',
  sku: 'ERP-LIC',
  description: 'ERP licence',
  quantity: '10',
  unitPrice: '900',
  unitCost: '600',
};
const quoteDraftedV1 = { quoteId: 'Q-1', opportunityId: 'O-1', currency: 'CNY', lines: [v1Line] };

describe('aggregate registry', () => {
  it('has one aggregate per stream category, in order, each deciding for its own category', () => {
    expect(AGGREGATES.map((aggregate) => aggregate.category)).toEqual([...STREAM_CATEGORIES]);
    for (const aggregate of AGGREGATES) expect(aggregate.decider.category).toBe(aggregate.category);
    expect(aggregateFor('quote').streamId).toBe('quoteId');
  });

  it('registers every event type exactly once, in EVENT_SCHEMAS and in one category', () => {
    const perAggregate = AGGREGATES.flatMap((aggregate) => Object.keys(aggregate.events));
    expect(new Set(perAggregate).size).toBe(perAggregate.length);
    expect(Object.keys(EVENT_SCHEMAS).sort()).toEqual([...perAggregate].sort());
    expect(Object.keys(EVENT_CATEGORIES).sort()).toEqual([...perAggregate].sort());
    expect(EVENT_CATEGORIES.QuoteDrafted).toBe('quote');
    // DOMAIN.md lists 57 event types.
    expect(Object.keys(EVENT_SCHEMAS)).toHaveLength(57);
  });

  it('has an upcaster for every old schema version', () => {
    for (const [type, { schemaVersion }] of Object.entries(EVENT_SCHEMAS)) {
      for (let version = 1; version < schemaVersion; version += 1)
        expect(UPCASTERS[type]?.[version], `${type} v${version}`).toBeTypeOf('function');
    }
  });
});

describe('stream names', () => {
  it('are <category>-<id>, the id keeping its own dashes', () => {
    expect(streamName('kpi', 'win_rate')).toBe('kpi-win_rate');
    expect(parseStreamName('tender-T-9')).toEqual({ category: 'tender', id: 'T-9' });
    expect(parseStreamName('process-bid')).toEqual({ category: 'process', id: 'bid' });
    for (const bad of ['tender', 'tender-', '-T-9', 'bids-T-9', '']) expect(parseStreamName(bad)).toBeUndefined();
  });
});

describe('parseDomainEvent', () => {
  it('parses a known event and rejects an unknown type by name', () => {
    expect(parseDomainEvent('TenderReceived', tenderData, 'line 1')).toEqual({
      type: 'TenderReceived',
      data: tenderData,
    });
    expect(() => parseDomainEvent('TenderEaten', {}, 'line 2')).toThrow(
      /^line 2: type = "TenderEaten": must be one of OpportunityRegistered, /,
    );
  });

  it('names the event, field, value and rule of an invalid payload', () => {
    expect(() => parseDomainEvent('TenderReceived', { ...tenderData, kind: 'bid' }, 'line 3')).toThrow(
      /^line 3 TenderReceived: kind = "bid": Invalid option/,
    );
  });

  it('upcasts an old QuoteDrafted (schemaVersion 1, no discountPct) before validating', () => {
    expect(EVENT_SCHEMAS.QuoteDrafted.schemaVersion).toBe(2);
    const event = parseDomainEvent('QuoteDrafted', quoteDraftedV1, 'quote-Q-1@0', 1);
    expect(event).toEqual({
      type: 'QuoteDrafted',
      data: { ...quoteDraftedV1, lines: [{ ...v1Line, discountPct: '0' }] },
    });
  });

  it('reads the current version by default, so a v1 payload stored without its version is rejected', () => {
    expect(() => parseDomainEvent('QuoteDrafted', quoteDraftedV1, 'line 4')).toThrow(
      /^line 4 QuoteDrafted: lines.0.discountPct = missing: is required/,
    );
  });

  it('rejects schema versions that are unknown to this build', () => {
    expect(() => parseDomainEvent('QuoteDrafted', quoteDraftedV1, 'line 5', 3)).toThrow(
      'line 5 QuoteDrafted: schemaVersion = 3: must be at most 2: this build knows QuoteDrafted up to schemaVersion 2',
    );
    expect(() => parseDomainEvent('TenderReceived', tenderData, 'line 6', 0)).toThrow(
      'line 6 TenderReceived: schemaVersion = 0: must be a whole number ≥ 1',
    );
    expect(() => parseDomainEvent('TenderReceived', tenderData, 'line 7', 1.5)).toThrow(ValidationError);
  });
});

describe('upcastEvent', () => {
  it('leaves current versions alone and upcasts old ones', () => {
    expect(upcastEvent('TenderReceived', 1, tenderData)).toBe(tenderData);
    expect(upcastEvent('QuoteDrafted', 2, { any: 'thing' })).toEqual({ any: 'thing' });
    expect(upcastEvent('QuoteDrafted', 1, quoteDraftedV1)).toEqual({
      ...quoteDraftedV1,
      lines: [{ ...v1Line, discountPct: '0' }],
    });
  });

  it('rejects unknown types', () => {
    expect(() => upcastEvent('Nope', 1, {})).toThrow(/^event: type = "Nope"/);
  });

  it('applies upcasters in version order, and fails loudly when one is missing', () => {
    const registry = {
      Thing: { 1: (d: unknown) => ({ ...(d as object), b: 2 }), 2: (d: unknown) => ({ ...(d as object), c: 3 }) },
    };
    expect(upcastPayload(registry, 'Thing', 1, 3, { a: 1 }, 'x')).toEqual({ a: 1, b: 2, c: 3 });
    expect(upcastPayload(registry, 'Thing', 2, 3, { a: 1 }, 'x')).toEqual({ a: 1, c: 3 });
    expect(() => upcastPayload({}, 'Thing', 1, 2, {}, 'x')).toThrow('no upcaster for Thing from schemaVersion 1 to 2');
  });
});

describe('parseStreamEvent', () => {
  it('resolves the aggregate and id from the stream, then validates the event', () => {
    const { aggregate, id, event } = parseStreamEvent('tender-T-1', 'TenderReceived', tenderData, 'line 1');
    expect(aggregate.category).toBe('tender');
    expect(id).toBe('T-1');
    expect(isDomainEventType(event.type)).toBe(true);
    expect(() => applyChecked(aggregate.decider, aggregate.decider.initialState, event, id)).not.toThrow();
  });

  it('lets import check invariants through the registry: BidSubmitted before TenderReceived', () => {
    const { aggregate, id, event } = parseStreamEvent(
      'tender-T-9',
      'BidSubmitted',
      { documentSha256: 'f'.repeat(64), channel: 'email' },
      'line 2',
    );
    expect(() => applyChecked(aggregate.decider, aggregate.decider.initialState, event, id)).toThrow(
      'tender T-9: not found (BidSubmitted needs TenderReceived first)',
    );
  });

  it('rejects an unknown stream category and an event recorded in the wrong category', () => {
    expect(() => parseStreamEvent('bids-T-1', 'TenderReceived', tenderData, 'line 3')).toThrow(
      /^line 3: stream = "bids-T-1": must be <category>-<id> with a category of opportunity, tender/,
    );
    expect(() => parseStreamEvent('quote-T-1', 'TenderReceived', tenderData, 'line 4')).toThrow(
      'line 4: type = "TenderReceived": must be an event of quote streams: QuoteDrafted, QuoteRevised, QuoteApprovalRequested, QuoteApproved, QuoteApprovalRejected, QuoteSentToCustomer, QuoteAccepted, QuoteDeclined',
    );
    expect(() => parseStreamEvent('quote-T-1', 'Nope', {}, 'line 5')).toThrow(/^line 5: type = "Nope": must be one of/);
  });

  it('upcasts by the stored schema version', () => {
    const { event } = parseStreamEvent('quote-Q-1', 'QuoteDrafted', quoteDraftedV1, 'quote-Q-1@0', 1);
    expect(event.type === 'QuoteDrafted' && event.data.lines[0]?.discountPct).toBe('0');
  });
});
