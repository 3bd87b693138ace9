import { describe, expect, it } from 'vitest';
import type { EventToAppend } from '../../envelope.js';
import { GENESIS_HASH } from '../../hash-chain.js';
import { verifyChain } from '../../verification.js';
import { anEvent, uniqueStream, type SubjectAccessor } from './subject.js';

export function envelopeContract(subject: SubjectAccessor): void {
  describe('envelope', () => {
    it('stamps recordedAt itself and chains hashes per stream', async () => {
      const { store, setClock } = subject();
      setClock?.(new Date('2030-05-06T07:08:09.000Z'));
      const stream = uniqueStream('tender');
      await store.appendToStream(stream, [anEvent('A', { a: 'ü', nested: { z: 1, b: [1, 2] } }), anEvent('B')]);
      const [a, b] = await store.readStream(stream);
      if (setClock) expect(a!.metadata.recordedAt).toBe('2030-05-06T07:08:09.000Z');
      else expect(Date.parse(a!.metadata.recordedAt)).not.toBeNaN();
      expect(a!.metadata.occurredAt).toBe('2026-01-15T10:00:00.000Z');
      expect(a!.metadata.actor).toEqual({ id: 'u-1', role: 'consultant' });
      expect(a!.metadata.schemaVersion).toBe(1);
      expect(a!.data).toEqual({ a: 'ü', nested: { z: 1, b: [1, 2] } });
      expect(a!.metadata.prevHash).toBe(GENESIS_HASH);
      expect(b!.metadata.prevHash).toBe(a!.metadata.hash);
      expect(verifyChain(stream, [a!, b!])).toEqual({ ok: true, streamId: stream, events: 2 });
    });

    it('never takes recordedAt, prevHash or hash from the writer', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const forged = anEvent('A');
      const withStamps = {
        ...forged,
        metadata: {
          ...forged.metadata,
          recordedAt: '1999-01-01T00:00:00.000Z',
          prevHash: 'f'.repeat(64),
          hash: 'e'.repeat(64),
        },
      } as EventToAppend;
      await store.appendToStream(stream, [withStamps]);
      const [recorded] = await store.readStream(stream);
      expect(recorded!.metadata.recordedAt).not.toBe('1999-01-01T00:00:00.000Z');
      expect(recorded!.metadata.prevHash).toBe(GENESIS_HASH);
      expect(verifyChain(stream, [recorded!]).ok).toBe(true);
    });

    it('keeps correlation and causation ids', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const event = anEvent('A');
      await store.appendToStream(stream, [
        { ...event, metadata: { ...event.metadata, correlationId: 'c-1', causationId: 'k-1' } },
      ]);
      const [recorded] = await store.readStream(stream);
      expect(recorded).toMatchObject({ id: event.id, metadata: { correlationId: 'c-1', causationId: 'k-1' } });
    });
  });
}
