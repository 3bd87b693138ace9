import { describe, expect, it } from 'vitest';
import type { EventMetadataInput } from './envelope.js';
import { canonicalJson } from './canonical-json.js';
import { canonicalStampedMetadata, stampMetadata } from './stamping.js';

const input: EventMetadataInput = {
  occurredAt: '2026-01-15T10:00:00.000Z',
  actor: { id: 'u-1', role: 'consultant' },
  correlationId: 'c-1',
  schemaVersion: 1,
};
const forged = {
  ...input,
  recordedAt: '1999-01-01T00:00:00.000Z',
  prevHash: 'f'.repeat(64),
  hash: 'e'.repeat(64),
  priority: 'p',
  zeta: undefined,
} as EventMetadataInput;

describe('stamping', () => {
  it("replaces the writer's stamps with the store's and drops a forged hash", () => {
    const stamped = stampMetadata(forged, '2026-02-01T00:00:00.000Z', '0'.repeat(64));
    expect(stamped).toMatchObject({ ...input, recordedAt: '2026-02-01T00:00:00.000Z', prevHash: '0'.repeat(64) });
    expect(stamped).not.toHaveProperty('hash');
  });

  it('stays canonical across calls that change the recordedAt, the prevHash and the shape in turn', () => {
    const shapes = [
      input,
      forged,
      { actor: input.actor, occurredAt: '"quoted"' } as EventMetadataInput,
      { ...input, recordedAt: 'x' } as EventMetadataInput,
    ];
    for (let call = 0; call < 12; call += 1) {
      const metadata = shapes[call % shapes.length]!;
      const recordedAt = call % 3 === 0 ? '2026-02-01T00:00:00.000Z' : `2026-02-0${call % 9}T00:00:00.000Z`;
      const prevHash = call % 2 === 0 ? 'a'.repeat(64) : 'tampered"';
      expect(canonicalStampedMetadata(metadata, recordedAt, prevHash)).toBe(
        canonicalJson(stampMetadata(metadata, recordedAt, prevHash)),
      );
    }
  });

  it('writes the canonical form of the stamped metadata directly', () => {
    for (const metadata of [
      input,
      forged,
      { ...input, causationId: 'k', quality: { b: 1, a: [2] } } as EventMetadataInput,
    ]) {
      expect(canonicalStampedMetadata(metadata, '2026-02-01T00:00:00.000Z', 'a'.repeat(64))).toBe(
        canonicalJson(stampMetadata(metadata, '2026-02-01T00:00:00.000Z', 'a'.repeat(64))),
      );
    }
  });
});
