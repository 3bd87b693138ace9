import { describe, expect, it } from 'vitest';
import { IllegalStateError, ValidationError } from '../shared/errors.js';
import { parseDomainEvent } from '../shared/event-catalog.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import { parseReceiveTender, type ReceiveTender } from './tender.commands.js';
import { tenderDecider } from './tender.decider.js';
import type { TenderReceived } from './tender.events.js';

const spec = deciderSpecification(tenderDecider);
const data = { tenderId: 'T-1', opportunityId: 'O-1', kind: 'rfp', issuer: 'City of Hangzhou', deadline: '2026-03-01T09:00:00Z' } as const;
const receive: ReceiveTender = {
  type: 'ReceiveTender',
  data,
  metadata: { occurredAt: '2026-02-01T08:00:00Z', actor: { id: 'u-1', role: 'consultant' } },
};
const received: TenderReceived = { type: 'TenderReceived', data };

describe('tender decider', () => {
  it('records TenderReceived for a new tender', () => {
    spec.given([]).when(receive).then([received]);
  });

  it('rejects a second TenderReceived for the same tender', () => {
    spec.given([received]).when(receive).thenThrows(IllegalStateError, 'tender T-1: TenderReceived already recorded for this tender');
  });
});

describe('ReceiveTender validation', () => {
  it('accepts a well-formed payload', () => {
    expect(parseReceiveTender(data)).toEqual(data);
  });

  it('names the field, the value and the rule', () => {
    const error = (() => {
      try {
        parseReceiveTender({ ...data, deadline: 'next friday', kind: 'bid' });
      } catch (e) {
        return e;
      }
      return undefined;
    })();
    expect(error).toBeInstanceOf(ValidationError);
    const issues = (error as ValidationError).issues;
    expect(issues.map((i) => i.path).sort()).toEqual(['deadline', 'kind']);
    expect((error as ValidationError).message).toMatch(/^ReceiveTender: /);
    expect((error as ValidationError).message).toContain('deadline = "next friday": must be an ISO-8601 UTC time');
  });

  it('rejects ids outside [A-Za-z0-9_-]{1,64} and unknown fields', () => {
    expect(() => parseReceiveTender({ ...data, tenderId: 'T 1' })).toThrow(/tenderId = "T 1": must match/);
    expect(() => parseReceiveTender({ ...data, extra: 1 })).toThrow(ValidationError);
  });
});

describe('event catalog', () => {
  it('parses a known event and rejects an unknown type by name', () => {
    expect(parseDomainEvent('TenderReceived', data, 'line 1')).toEqual(received);
    expect(() => parseDomainEvent('TenderEaten', {}, 'line 2')).toThrow(/line 2: type = "TenderEaten": must be one of TenderReceived/);
  });
});
