import {
  BACKWARDS,
  END,
  EventStoreDBClient,
  FORWARDS,
  jsonEvent,
  MaxAppendSizeExceededError,
  StreamDeletedError,
  WrongExpectedVersionError,
  type ResolvedEvent,
} from '@eventstore/db-client';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { EsdbStandin, type StandinServerOptions } from './standin-server.js';

/** The server behaviours the stand-in imitates, checked through the real client over gRPC. */
let standin: EsdbStandin;
let client: EventStoreDBClient;

async function serve(options: StandinServerOptions = {}): Promise<void> {
  standin = await EsdbStandin.start(options);
  client = EventStoreDBClient.connectionString(standin.url);
}

async function drain(read: AsyncIterable<ResolvedEvent>): Promise<ResolvedEvent[]> {
  const all: ResolvedEvent[] = [];
  for await (const event of read) all.push(event);
  return all;
}

const event = (type: string, data: Record<string, unknown> = {}) => jsonEvent({ type, data });
const types = (events: ResolvedEvent[]) => events.map((e) => e.event!.type);

afterEach(async () => {
  await client.dispose();
  await standin.stop();
});

describe('$all positions', () => {
  beforeEach(() => serve());

  it('are byte offsets; a read from one where no record starts is refused', async () => {
    const first = await client.appendToStream('s-1', [event('A'), event('B')]);
    const [a, b] = await drain(client.readStream('s-1'));
    expect(b!.event!.position!.commit - a!.event!.position!.commit).toBeGreaterThan(1n);
    expect(first.position!.commit).toBe(b!.event!.position!.commit);
    // The prepare position of a batch's later events is the batch's first (Streams.Read.cs).
    expect(b!.event!.position!.prepare).toBe(a!.event!.position!.commit);
    const next = a!.event!.position!.commit + 1n;
    await expect(drain(client.readAll({ fromPosition: { commit: next, prepare: next }, maxCount: 1 }))).rejects.toThrow(
      /position is invalid/,
    );
  });

  it('reads forwards from a position inclusively and backwards from it exclusively (a post-position)', async () => {
    await client.appendToStream('s-1', [event('A'), event('B'), event('C')]);
    const [, b] = await drain(client.readStream('s-1'));
    const at = b!.event!.position!;
    expect(types(await drain(client.readAll({ fromPosition: at, direction: FORWARDS, maxCount: 2 })))).toEqual([
      'B',
      'C',
    ]);
    expect(types(await drain(client.readAll({ fromPosition: at, direction: BACKWARDS, maxCount: 1 })))).toEqual(['A']);
  });
});

// Client 6.2 appends through BatchAppend on servers that list it (21.10+), else through Append.
describe.each(['batch', 'legacy'] as const)('appends through %s', (appendProtocol) => {
  it('refuses a loser on the pre-committed version before the winner is readable', async () => {
    await serve({ indexDelayMs: 200, appendProtocol });
    await client.appendToStream('s-1', event('A'));
    const winner = client.appendToStream('s-1', event('B'), { expectedRevision: 0n });
    await new Promise((resolve) => setTimeout(resolve, 50));
    await expect(client.appendToStream('s-1', event('C'), { expectedRevision: 0n })).rejects.toMatchObject({
      actualVersion: 1n,
    });
    expect(types(await drain(client.readStream('s-1')))).toEqual(['A']);
    await winner;
    expect(types(await drain(client.readStream('s-1')))).toEqual(['A', 'B']);
  });

  it('is idempotent by ids: exact versions through the log, any only while the ids are in the cache', async () => {
    await serve({ committedIdsCacheBytes: 2_000, appendProtocol });
    const batch = [event('A'), event('B')];
    const first = await client.appendToStream('s-1', batch, { expectedRevision: 'no_stream' });
    await client.appendToStream('s-1', event('C'));
    expect(await client.appendToStream('s-1', batch, { expectedRevision: 'no_stream' })).toEqual(first);
    expect(await client.appendToStream('s-1', batch)).toEqual(first);
    // Only ids are compared: other content under the same ids is "already written".
    expect(
      await client.appendToStream('s-1', [
        jsonEvent({ id: batch[0]!.id, type: 'A', data: { other: true } }),
        batch[1]!,
      ]),
    ).toEqual(first);
    await expect(client.appendToStream('s-1', [batch[0]!, event('New')])).rejects.toBeInstanceOf(
      WrongExpectedVersionError,
    );
    for (let i = 0; i < 30; i += 1) await client.appendToStream(`other-${i}`, event('Filler'));
    await client.appendToStream('s-1', batch);
    expect(types(await drain(client.readStream('s-1')))).toEqual(['A', 'B', 'C', 'A', 'B']);
  });

  it('refuses an append over MaxAppendSize and writes nothing', async () => {
    await serve({ maxAppendSize: 1_000, appendProtocol });
    await expect(client.appendToStream('s-1', event('A', { text: 'x'.repeat(2_000) }))).rejects.toBeInstanceOf(
      MaxAppendSizeExceededError,
    );
    await expect(drain(client.readStream('s-1'))).rejects.toThrow(/not found/);
  });

  it('refuses an append to a tombstoned stream as deleted', async () => {
    await serve({ appendProtocol });
    await client.tombstoneStream('s-1', { expectedRevision: 'no_stream' });
    await expect(client.appendToStream('s-1', event('A'))).rejects.toBeInstanceOf(StreamDeletedError);
  });
});

describe('deletes', () => {
  beforeEach(() => serve());

  it('a soft delete sets $tb to the deleted marker; recreating moves it to the first new revision', async () => {
    await client.appendToStream('s-1', [event('A'), event('B')]);
    await client.deleteStream('s-1');
    expect((await client.getStreamMetadata('s-1')).metadata?.truncateBefore).toBeGreaterThan(Number.MAX_SAFE_INTEGER);
    await client.appendToStream('s-1', event('C'));
    expect((await client.getStreamMetadata('s-1')).metadata).toEqual({ truncateBefore: 2 });
    // A metadata write without $tb brings the deleted events back, as on the server.
    await client.setStreamMetadata('s-1', { maxCount: 10 });
    expect(types(await drain(client.readStream('s-1')))).toEqual(['A', 'B', 'C']);
  });

  it('a soft delete of a stream never written is a wrong expected version with actual -1', async () => {
    await expect(client.deleteStream('never')).rejects.toMatchObject({ expectedVersion: -2n, actualVersion: -1n });
  });

  it('a tombstone ends the stream: reads and appends report it deleted', async () => {
    await client.appendToStream('s-1', event('A'));
    await client.tombstoneStream('s-1');
    await expect(drain(client.readStream('s-1', { direction: BACKWARDS, fromRevision: END }))).rejects.toBeInstanceOf(
      StreamDeletedError,
    );
    await expect(client.appendToStream('s-1', event('B'))).rejects.toBeInstanceOf(StreamDeletedError);
  });
});

describe('$maxAge', () => {
  it('compares the server clock with each event created time', async () => {
    let now = new Date('2026-01-01T00:00:00Z');
    await serve({ clock: () => now });
    await client.appendToStream('s-1', event('Old'));
    now = new Date('2026-01-01T00:10:00Z');
    await client.appendToStream('s-1', event('New'));
    await client.setStreamMetadata('s-1', { maxAge: 300 });
    expect(types(await drain(client.readStream('s-1')))).toEqual(['New']);
  });
});
