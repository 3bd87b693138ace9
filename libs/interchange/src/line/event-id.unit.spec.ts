import { describe, expect, it } from 'vitest';
import { contentFingerprint, derivedEventId } from './event-id.js';

describe('derivedEventId', () => {
  it('is a UUID-shaped id that ignores key order and whitespace of the content', () => {
    const a = derivedEventId('tender-T1', 'TenderReceived', { b: 1, a: 2 }, { occurredAt: '2026-01-01T00:00:00Z' });
    const b = derivedEventId('tender-T1', 'TenderReceived', { a: 2, b: 1 }, { occurredAt: '2026-01-01T00:00:00Z' });
    expect(a).toBe(b);
    expect(a).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-8[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
  });

  it('differs by stream, type, data or metadata', () => {
    const base = derivedEventId('tender-T1', 'TenderReceived', { a: 1 }, {});
    expect(derivedEventId('tender-T2', 'TenderReceived', { a: 1 }, {})).not.toBe(base);
    expect(derivedEventId('tender-T1', 'BidSubmitted', { a: 1 }, {})).not.toBe(base);
    expect(derivedEventId('tender-T1', 'TenderReceived', { a: 2 }, {})).not.toBe(base);
    expect(derivedEventId('tender-T1', 'TenderReceived', { a: 1 }, { occurredAt: 'x' })).not.toBe(base);
  });
});

describe('contentFingerprint', () => {
  it('is the same for the same content in another key order', () => {
    expect(contentFingerprint('A', { x: 1, y: [1, 2] }, { actor: { role: 'admin', id: 'u' } })).toBe(contentFingerprint('A', { y: [1, 2], x: 1 }, { actor: { id: 'u', role: 'admin' } }));
  });
});
