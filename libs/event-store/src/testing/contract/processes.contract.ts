import { describe, expect, it } from 'vitest';
import { encodeExpectedRevision } from '../writer-protocol.js';
import { uniqueStream, type SubjectAccessor } from './subject.js';
import { WriterClient } from './writer-client.js';

const ROUNDS = 15;
const BATCH = 4;

/** Reports why the process tests did not run, instead of passing them silently. */
function requireWriters(subject: SubjectAccessor): boolean {
  if (subject().spawnWriter !== undefined) return true;
  console.warn('[event-store contract] multi-process tests SKIPPED: this adapter offers no spawnWriter');
  return false;
}

export function processesContract(subject: SubjectAccessor): void {
  describe('other processes on the same store', () => {
    it('two processes racing on one stream: exactly one wins each round, nothing interleaves', async (context) => {
      if (!requireWriters(subject)) return context.skip();
      const { store, spawnWriter } = subject();
      const writers = [new WriterClient(spawnWriter!()), new WriterClient(spawnWriter!())];
      try {
        await Promise.all(writers.map((w) => w.expect('ready')));
        const stream = uniqueStream('tender');
        let expected: bigint | 'no_stream' = 'no_stream';
        const winners: number[] = [];
        for (let round = 0; round < ROUNDS; round += 1) {
          // Both get the same command at the same moment, guarded by the same revision.
          writers.forEach((w, i) =>
            w.send({
              op: 'append',
              stream,
              expectedRevision: encodeExpectedRevision(expected),
              tag: `R${round}W${i}`,
              count: BATCH,
            }),
          );
          const replies = await Promise.all(writers.map((w) => w.next()));
          const won = replies.flatMap((reply, i) => (reply.kind === 'appended' ? [i] : []));
          expect(won, JSON.stringify(replies)).toHaveLength(1);
          const lost = replies.find((reply) => reply.kind !== 'appended');
          expect(lost).toMatchObject({ kind: 'rejected', error: 'WrongExpectedVersionError' });
          winners.push(won[0]!);
          expected = expected === 'no_stream' ? BigInt(BATCH - 1) : expected + BigInt(BATCH);
        }
        const types = (await store.readStream(stream)).map((e) => e.type);
        expect(types).toEqual(winners.flatMap((winner, round) => Array<string>(BATCH).fill(`R${round}W${winner}`)));
        expect(await store.verifyStream(stream)).toMatchObject({ ok: true, events: ROUNDS * BATCH });
      } finally {
        await Promise.all(writers.map((w) => w.finish()));
      }
    });

    it('a writer killed with SIGKILL mid-stream leaves every acknowledged batch readable and no partial batch', async (context) => {
      if (!requireWriters(subject)) return context.skip();
      const { store, spawnWriter } = subject();
      const writer = new WriterClient(spawnWriter!());
      const stream = uniqueStream('tender');
      const size = 50;
      let acked = -1;
      try {
        await writer.expect('ready');
        writer.send({ op: 'appendBatches', stream, batches: 100_000, size });
        while (acked < 20) acked = (await writer.expect('acked')).batch;
      } finally {
        await writer.kill();
      }
      const events = await store.readStream(stream);
      const batches = new Map<number, number[]>();
      for (const event of events) {
        const { batch, index } = event.data as { batch: number; index: number };
        batches.set(batch, [...(batches.get(batch) ?? []), index]);
      }
      const complete = Array.from({ length: size }, (_, i) => i);
      expect([...batches.keys()]).toEqual(Array.from({ length: batches.size }, (_, i) => i));
      expect(batches.size).toBeGreaterThanOrEqual(acked + 1);
      for (const [batch, indexes] of batches) expect(indexes, `batch ${batch}`).toEqual(complete);
      expect(await store.verifyStream(stream)).toMatchObject({ ok: true, events: events.length });
    });
  });
}
