import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { CheckpointConflictError, DuplicateEventIdError, StreamNotFoundError, WrongExpectedVersionError } from '../errors.js';
import type { EventToAppend } from '../envelope.js';
import type { EventStore, SubscriptionMessage } from '../event-store.port.js';
import { GENESIS_HASH, verifyChain } from '../hash-chain.js';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  /** Moves the store's clock (adapters that take an injected clock); used to check recordedAt. */
  readonly setClock?: (now: Date) => void;
  readonly cleanup: () => Promise<void>;
}

/** Either a way to open a fresh, empty store, or the reason this adapter cannot run here. */
export type EventStoreFactory = { readonly open: () => Promise<EventStoreUnderTest> } | { readonly skip: string };

let sequence = 0;
/** Unique per test run so suites can share a server (EventStoreDB) without colliding. */
export function uniqueStream(category: string): string {
  sequence += 1;
  return `${category}-${Date.now().toString(36)}${sequence}${Math.random().toString(36).slice(2, 8)}`;
}

export function anEvent(type: string, data: Record<string, unknown> = {}, id: string = crypto.randomUUID()): EventToAppend {
  return {
    id,
    type,
    data,
    metadata: { occurredAt: '2026-01-15T10:00:00.000Z', actor: { id: 'u-1', role: 'consultant' }, schemaVersion: 1 },
  };
}

/**
 * The one EventStore contract (DESIGN.md decision 1): every adapter runs exactly this suite.
 * An adapter whose engine is unreachable skips loudly, with its reason printed.
 */
export function describeEventStoreContract(adapterName: string, factory: EventStoreFactory): void {
  if ('skip' in factory) {
    console.warn(`[event-store contract] ${adapterName} SKIPPED: ${factory.skip}`);
    describe.skip(`EventStore contract: ${adapterName} (skipped: ${factory.skip})`, () => {
      it('runs when its engine is reachable', () => undefined);
    });
    return;
  }

  describe(`EventStore contract: ${adapterName}`, () => {
    let subject: EventStoreUnderTest;
    let store: EventStore;
    beforeEach(async () => {
      subject = await factory.open();
      store = subject.store;
    });
    afterEach(async () => {
      await subject.cleanup();
    });

    describe('append and expected revision', () => {
      it('starts a stream at revision 0 with no_stream and increases positions strictly', async () => {
        const stream = uniqueStream('tender');
        const first = await store.appendToStream(stream, [anEvent('A'), anEvent('B')], { expectedRevision: 'no_stream' });
        expect(first.nextExpectedRevision).toBe(1n);
        const second = await store.appendToStream(stream, [anEvent('C')], { expectedRevision: 1n });
        expect(second.nextExpectedRevision).toBe(2n);
        expect(second.position).toBeGreaterThan(first.position);
        const events = await store.readStream(stream);
        expect(events.map((e) => [e.type, e.revision])).toEqual([['A', 0n], ['B', 1n], ['C', 2n]]);
        for (let i = 1; i < events.length; i += 1) expect(events[i]!.position).toBeGreaterThan(events[i - 1]!.position);
      });

      it('rejects a wrong expected revision and writes nothing', async () => {
        const stream = uniqueStream('tender');
        await store.appendToStream(stream, [anEvent('A')], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream, [anEvent('B')], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
          WrongExpectedVersionError,
        );
        await expect(store.appendToStream(stream, [anEvent('B')], { expectedRevision: 5n })).rejects.toMatchObject({
          streamId: stream,
          actual: 0n,
        });
        await expect(store.appendToStream(uniqueStream('tender'), [anEvent('B')], { expectedRevision: 'stream_exists' })).rejects.toMatchObject({
          actual: undefined,
        });
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A']);
      });

      it('accepts any and stream_exists on an existing stream', async () => {
        const stream = uniqueStream('tender');
        await store.appendToStream(stream, [anEvent('A')], { expectedRevision: 'any' });
        await store.appendToStream(stream, [anEvent('B')], { expectedRevision: 'stream_exists' });
        await store.appendToStream(stream, [anEvent('C')]);
        expect((await store.readStream(stream)).map((e) => e.type)).toEqual(['A', 'B', 'C']);
      });

      it('lets exactly one of two racing writers win', async () => {
        const stream = uniqueStream('tender');
        await store.appendToStream(stream, [anEvent('A')], { expectedRevision: 'no_stream' });
        const results = await Promise.allSettled([
          store.appendToStream(stream, [anEvent('B1'), anEvent('B2')], { expectedRevision: 0n }),
          store.appendToStream(stream, [anEvent('C1'), anEvent('C2')], { expectedRevision: 0n }),
        ]);
        expect(results.filter((r) => r.status === 'fulfilled')).toHaveLength(1);
        const rejected = results.find((r) => r.status === 'rejected');
        expect(rejected?.reason).toBeInstanceOf(WrongExpectedVersionError);
        const types = (await store.readStream(stream)).map((e) => e.type);
        expect([['A', 'B1', 'B2'], ['A', 'C1', 'C2']]).toContainEqual(types);
      });
    });

    describe('idempotency by event id', () => {
      it('treats a retry with the same ids and expected revision as a success that writes nothing', async () => {
        const stream = uniqueStream('tender');
        const batch = [anEvent('A', { n: 1 }), anEvent('B', { n: 2 })];
        const first = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        const retry = await store.appendToStream(stream, batch, { expectedRevision: 'no_stream' });
        expect(retry).toEqual(first);
        expect(await store.readStream(stream)).toHaveLength(2);
      });

      it('rejects an id that was recorded with other content', async () => {
        const stream = uniqueStream('tender');
        const id = crypto.randomUUID();
        await store.appendToStream(stream, [anEvent('A', { n: 1 }, id)], { expectedRevision: 'no_stream' });
        await expect(store.appendToStream(stream, [anEvent('A', { n: 2 }, id)], { expectedRevision: 'no_stream' })).rejects.toBeInstanceOf(
          DuplicateEventIdError,
        );
        expect(await store.readStream(stream)).toHaveLength(1);
      });
    });

    describe('envelope', () => {
      it('stamps recordedAt itself and chains hashes per stream', async () => {
        subject.setClock?.(new Date('2030-05-06T07:08:09.000Z'));
        const stream = uniqueStream('tender');
        await store.appendToStream(stream, [anEvent('A', { a: 'ü', nested: { z: 1, b: [1, 2] } }), anEvent('B')]);
        const [a, b] = await store.readStream(stream);
        if (subject.setClock) expect(a!.metadata.recordedAt).toBe('2030-05-06T07:08:09.000Z');
        else expect(Date.parse(a!.metadata.recordedAt)).not.toBeNaN();
        expect(a!.metadata.occurredAt).toBe('2026-01-15T10:00:00.000Z');
        expect(a!.metadata.actor).toEqual({ id: 'u-1', role: 'consultant' });
        expect(a!.data).toEqual({ a: 'ü', nested: { z: 1, b: [1, 2] } });
        expect(a!.metadata.prevHash).toBe(GENESIS_HASH);
        expect(b!.metadata.prevHash).toBe(a!.metadata.hash);
        expect(verifyChain(stream, [a!, b!])).toEqual({ ok: true, streamId: stream, events: 2 });
      });
    });

    describe('reads', () => {
      it('reads a stream forwards, backwards, from a revision and with maxCount', async () => {
        const stream = uniqueStream('tender');
        await store.appendToStream(stream, ['A', 'B', 'C', 'D'].map((t) => anEvent(t)));
        const types = async (options: Parameters<EventStore['readStream']>[1]) => (await store.readStream(stream, options)).map((e) => e.type);
        expect(await types({ direction: 'backwards' })).toEqual(['D', 'C', 'B', 'A']);
        expect(await types({ fromRevision: 1n, maxCount: 2 })).toEqual(['B', 'C']);
        expect(await types({ fromRevision: 2n, direction: 'backwards' })).toEqual(['C', 'B', 'A']);
      });

      it('reports a stream that was never written', async () => {
        await expect(store.readStream(uniqueStream('tender'))).rejects.toBeInstanceOf(StreamNotFoundError);
      });

      it('reads $all in position order with filters and from a position', async () => {
        const tender = uniqueStream('tender');
        const quote = uniqueStream('quote');
        await store.appendToStream(tender, [anEvent('TenderReceived')]);
        await store.appendToStream(quote, [anEvent('QuoteDrafted')]);
        await store.appendToStream(tender, [anEvent('BidSubmitted')]);
        const mine = await store.readAll({ filter: { streamPrefixes: [tender, quote] } });
        expect(mine.map((e) => e.type)).toEqual(['TenderReceived', 'QuoteDrafted', 'BidSubmitted']);
        const fromSecond = await store.readAll({ fromPosition: mine[1]!.position, filter: { streamPrefixes: [tender, quote] } });
        expect(fromSecond.map((e) => e.type)).toEqual(['QuoteDrafted', 'BidSubmitted']);
        const byType = await store.readAll({ filter: { eventTypes: ['BidSubmitted'], streamPrefixes: [tender] } });
        expect(byType.map((e) => e.streamId)).toEqual([tender]);
        const backwards = await store.readAll({ direction: 'backwards', maxCount: 1 });
        expect(backwards[0]!.position).toBe((await store.health()).headPosition);
      });

      it('counts events after a position', async () => {
        const stream = uniqueStream('tender');
        const { position } = await store.appendToStream(stream, [anEvent('A')]);
        await store.appendToStream(stream, [anEvent('B'), anEvent('C')]);
        expect(await store.countEventsAfter(position, 1000)).toBe(2);
        expect(await store.countEventsAfter(position, 1)).toBe(1);
      });
    });

    describe('catch-up subscription', () => {
      it('delivers history, signals caughtUp once, then live events, after an exclusive position', async () => {
        const stream = uniqueStream('tender');
        const { position: afterFirst } = await store.appendToStream(stream, [anEvent('H1')]);
        await store.appendToStream(stream, [anEvent('H2')]);
        const subscription = store.subscribeToAll({ fromPosition: afterFirst, filter: { streamPrefixes: [stream] } });
        const seen: SubscriptionMessage[] = [];
        const done = (async () => {
          for await (const message of subscription) {
            seen.push(message);
            if (message.kind === 'event' && message.event.type === 'L1') break;
          }
        })();
        await waitFor(() => seen.some((m) => m.kind === 'caughtUp'));
        await store.appendToStream(stream, [anEvent('L1')]);
        await done;
        await subscription.close();
        expect(seen.map((m) => (m.kind === 'event' ? m.event.type : 'caughtUp'))).toEqual(['H2', 'caughtUp', 'L1']);
      });
    });

    describe('checkpoints', () => {
      it('saves by compare-and-set and never moves backwards', async () => {
        const id = uniqueStream('projector');
        expect(await store.checkpoints.load(id)).toBeUndefined();
        await store.checkpoints.save(id, 10n, undefined);
        await store.checkpoints.save(id, 20n, 10n);
        expect(await store.checkpoints.load(id)).toBe(20n);
        await expect(store.checkpoints.save(id, 30n, 10n)).rejects.toBeInstanceOf(CheckpointConflictError);
        await expect(store.checkpoints.save(id, 15n, 20n)).rejects.toBeInstanceOf(CheckpointConflictError);
        expect(await store.checkpoints.load(id)).toBe(20n);
      });
    });
  });
}

async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}
