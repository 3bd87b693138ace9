import { describe, expect, it } from 'vitest';
import { ImportLineEnvelope } from './line-envelope.js';
import { plainEnvelope } from './plain-envelope.js';

const line = {
  id: '3d25cc2d-b31a-8389-aa7d-962da2802e60',
  stream: 'tender-T-1',
  type: 'TenderReceived',
  data: { tenderId: 'T-1', deadline: '2026-03-31T12:00:00Z' },
  metadata: {
    occurredAt: '2026-01-15T10:00:00.000Z',
    actor: { id: 'u-1', role: 'consultant' },
    correlationId: 'c-1',
    schemaVersion: 1,
    source: 'crm',
  },
};

/** Values that sit on or just past a rule of the schema, for every field. */
const awkward: unknown[] = [
  undefined,
  null,
  '',
  'x',
  'a'.repeat(64),
  'a'.repeat(65),
  'a'.repeat(128),
  'a'.repeat(129),
  'a'.repeat(200),
  'a'.repeat(201),
  'a b',
  'é',
  0,
  1,
  -1,
  1.5,
  2 ** 53,
  Number.NaN,
  true,
  [],
  {},
  { id: 'u-1' },
  { id: 'u-1', role: 'admin' },
  { id: 'u-1', role: 'king' },
  { id: 'u 1', role: 'admin' },
  { id: 'u-1', role: 'admin', extra: 1 },
  JSON.parse('{"__proto__":{"x":1}}'),
  Object.create({ inherited: 1 }),
  '2026-02-29T00:00:00Z',
  '2028-02-29T00:00:00Z',
  '2026-01-15T10:00:00Z',
  '2026-01-15T10:00:00.123456Z',
  '2026-01-15T10:00Z',
  '2026-01-15T24:00:00Z',
  '2026-01-15T10:00:00+01:00',
  '2026-01-15 10:00:00Z',
  '2026-13-01T00:00:00Z',
];

function variants(): unknown[] {
  const out: unknown[] = [line, { ...line, unknownTopLevel: 1 }];
  for (const key of ['id', 'stream', 'type', 'revision', 'position', 'data', 'metadata'] as const) {
    for (const value of awkward) out.push({ ...line, [key]: value });
  }
  for (const key of ['occurredAt', 'actor', 'correlationId', 'causationId', 'schemaVersion']) {
    for (const value of awkward) out.push({ ...line, metadata: { ...line.metadata, [key]: value } });
  }
  return out;
}

describe('plainEnvelope', () => {
  it('takes the plain line, as the schema would', () => {
    expect(plainEnvelope(line)).toEqual(ImportLineEnvelope.parse(line));
  });

  it('accepts nothing the schema refuses, and gives what the schema gives', () => {
    let accepted = 0;
    for (const value of variants()) {
      const plain = plainEnvelope(value as object);
      if (plain === undefined) continue;
      accepted += 1;
      const parsed = ImportLineEnvelope.safeParse(value);
      expect(parsed.success, JSON.stringify(value)).toBe(true);
      expect(plain).toEqual(parsed.data);
    }
    // Many variants are plain (an undefined optional field, a longest valid id, …): the check above is not vacuous.
    expect(accepted).toBeGreaterThan(20);
  });
});
