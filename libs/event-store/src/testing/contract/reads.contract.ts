import { describe, expect, it } from 'vitest';
import { StreamNotFoundError } from '../../errors.js';
import type { EventStore } from '../../event-store.port.js';
import { anEvent, uniqueStream, type SubjectAccessor } from './subject.js';

export function readsContract(subject: SubjectAccessor): void {
  describe('reads', () => {
    it('reads a stream forwards, backwards, from a revision and with maxCount', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      await store.appendToStream(
        stream,
        ['A', 'B', 'C', 'D'].map((t) => anEvent(t)),
      );
      const types = async (options: Parameters<EventStore['readStream']>[1]) =>
        (await store.readStream(stream, options)).map((e) => e.type);
      expect(await types({ direction: 'backwards' })).toEqual(['D', 'C', 'B', 'A']);
      expect(await types({ fromRevision: 1n, maxCount: 2 })).toEqual(['B', 'C']);
      expect(await types({ fromRevision: 2n, direction: 'backwards' })).toEqual(['C', 'B', 'A']);
      expect(await types({ direction: 'backwards', maxCount: 1 })).toEqual(['D']);
      expect(await types({ fromRevision: 9n })).toEqual([]);
    });

    it('reports a stream that was never written', async () => {
      await expect(subject().store.readStream(uniqueStream('tender'))).rejects.toBeInstanceOf(StreamNotFoundError);
    });

    it('reads $all in position order with filters, from a position and backwards', async () => {
      const { store } = subject();
      const tender = uniqueStream('tender');
      const quote = uniqueStream('quote');
      const mine = { streamPrefixes: [tender, quote] };
      await store.appendToStream(tender, [anEvent('TenderReceived')]);
      await store.appendToStream(quote, [anEvent('QuoteDrafted')]);
      await store.appendToStream(tender, [anEvent('BidSubmitted')]);
      const all = await store.readAll({ filter: mine });
      expect(all.map((e) => e.type)).toEqual(['TenderReceived', 'QuoteDrafted', 'BidSubmitted']);
      const fromSecond = await store.readAll({ fromPosition: all[1]!.position, filter: mine });
      expect(fromSecond.map((e) => e.type)).toEqual(['QuoteDrafted', 'BidSubmitted']);
      const byType = await store.readAll({ filter: { eventTypes: ['BidSubmitted'], streamPrefixes: [tender] } });
      expect(byType.map((e) => e.streamId)).toEqual([tender]);
      const backwardsFromSecond = await store.readAll({
        direction: 'backwards',
        fromPosition: all[1]!.position,
        filter: mine,
      });
      expect(backwardsFromSecond.map((e) => e.type)).toEqual(['QuoteDrafted', 'TenderReceived']);
      const limited = await store.readAll({ filter: mine, maxCount: 2 });
      expect(limited.map((e) => e.type)).toEqual(['TenderReceived', 'QuoteDrafted']);
    });

    it('reports the newest position as the head, and reads $all backwards from it', async () => {
      const { store } = subject();
      const { position } = await store.appendToStream(uniqueStream('tender'), [anEvent('A')]);
      const head = (await store.health()).headPosition;
      expect(head).toBeGreaterThanOrEqual(position);
      const [newest] = await store.readAll({ direction: 'backwards', maxCount: 1 });
      expect(newest!.position).toBe(head);
    });

    it('counts events after a position', async () => {
      const { store } = subject();
      const stream = uniqueStream('tender');
      const { position } = await store.appendToStream(stream, [anEvent('A')]);
      await store.appendToStream(stream, [anEvent('B'), anEvent('C')]);
      expect(await store.countEventsAfter(position, 1000)).toBeGreaterThanOrEqual(2);
      expect(await store.countEventsAfter(position, 1)).toBe(1);
    });
  });
}
