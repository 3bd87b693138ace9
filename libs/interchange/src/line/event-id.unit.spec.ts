import { createHash } from 'node:crypto';
import { canonicalJson } from '@presales/event-store';
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
    expect(contentFingerprint('A', { x: 1, y: [1, 2] }, { actor: { role: 'admin', id: 'u' } })).toBe(
      contentFingerprint('A', { y: [1, 2], x: 1 }, { actor: { id: 'u', role: 'admin' } }),
    );
  });
});

describe('stability', () => {
  it('derives the ids earlier imports derived, and fingerprints the canonical content', () => {
    const data = { b: [1, { d: 'ü' }], a: 'x"y' };
    const metadata = { occurredAt: '2026-01-01T00:00:00Z', actor: { role: 'admin', id: 'u' } };
    const digest = createHash('sha256')
      .update('presales-import\n')
      .update(canonicalJson({ stream: 'tender-T1', type: 'TenderReceived', data, metadata }))
      .digest();
    digest[6] = (digest[6]! & 0x0f) | 0x80;
    digest[8] = (digest[8]! & 0x3f) | 0x80;
    const hex = digest.subarray(0, 16).toString('hex');
    expect(derivedEventId('tender-T1', 'TenderReceived', data, metadata)).toBe(
      `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`,
    );
    const canonical = canonicalJson({ type: 'TenderReceived', data, metadata });
    expect(contentFingerprint('TenderReceived', data, metadata)).toBe(
      createHash('sha256').update(canonical).digest('base64'),
    );
  });
});
