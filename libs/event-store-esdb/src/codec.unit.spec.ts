import type { ResolvedEvent } from '@eventstore/db-client';
import {
  StreamDeletedError as EsdbStreamDeleted,
  StreamNotFoundError as EsdbStreamNotFound,
  WrongExpectedVersionError as EsdbWrongExpectedVersion,
} from '@eventstore/db-client';
import {
  StreamDeletedError,
  StreamNotFoundError,
  WrongExpectedVersionError,
  type RecordedMetadata,
} from '@presales/event-store';
import { chainedEvents } from '@presales/event-store/testing';
import { describe, expect, it } from 'vitest';
import { decodeEvent, encodeEvent, ForeignEventError, isSystemEvent } from './envelope-codec.js';
import { toPortError } from './error-mapping.js';
import { toEsdbEventId } from './event-ids.js';
import { fromPosition, toPosition } from './positions.js';

/** What the client hands back for an event it read, as convertGrpcRecord builds it. */
function asRead(
  streamId: string,
  revision: bigint,
  written: ReturnType<typeof encodeEvent>,
  position?: bigint,
): ResolvedEvent {
  return {
    event: {
      streamId,
      id: written.id,
      revision,
      type: written.type,
      data: written.data,
      metadata: written.metadata,
      isJson: true,
      created: new Date(),
      ...(position === undefined ? {} : { position: { commit: position, prepare: position } }),
    },
  } as ResolvedEvent;
}

describe('event ids', () => {
  it('keeps lowercase UUIDs and derives a stable version-5 UUID from anything else', () => {
    const uuid = '3f2b8c1e-4d5a-4b6c-8d7e-9f0a1b2c3d4e';
    expect(toEsdbEventId(uuid)).toBe(uuid);
    const derived = toEsdbEventId('import:tenders.jsonl:17');
    expect(derived).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-5[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(toEsdbEventId('import:tenders.jsonl:17')).toBe(derived);
    expect(toEsdbEventId('import:tenders.jsonl:18')).not.toBe(derived);
    expect(toEsdbEventId(uuid.toUpperCase())).not.toBe(uuid);
  });
});

describe('positions', () => {
  it('maps one bigint to commit = prepare and back', () => {
    expect(toPosition(1234n)).toEqual({ commit: 1234n, prepare: 1234n });
    expect(fromPosition({ commit: 1234n, prepare: 1234n }, 'x')).toBe(1234n);
  });

  it('names the server version when a read carries no position', () => {
    expect(() => fromPosition(undefined, 'stream s@0')).toThrow(/22\.6/);
  });
});

describe('envelope codec', () => {
  const [recorded] = chainedEvents('tender-1', ['TenderReceived']);

  it('round-trips the envelope with hashes through EventStoreDB metadata', () => {
    const written = encodeEvent(
      recorded!.id.replace('e0', crypto.randomUUID()),
      recorded!.type,
      recorded!.data,
      recorded!.metadata,
    );
    const decoded = decodeEvent(asRead('tender-1', 0n, written, 77n));
    expect(decoded).toEqual({ ...recorded, id: decoded!.id, position: 77n });
  });

  it('keeps an id that is not a UUID in the metadata and restores it', () => {
    const written = encodeEvent('line-17', recorded!.type, recorded!.data, recorded!.metadata);
    expect(written.id).toBe(toEsdbEventId('line-17'));
    const decoded = decodeEvent(asRead('tender-1', 0n, written, 5n))!;
    expect(decoded.id).toBe('line-17');
    expect(decoded.metadata).toEqual(recorded!.metadata);
  });

  it('hides system streams and types, and refuses events without our envelope', () => {
    expect(isSystemEvent('$$tender-1', 'x')).toBe(true);
    expect(isSystemEvent('tender-1', '$streamDeleted')).toBe(true);
    expect(isSystemEvent('tender-1', 'TenderReceived')).toBe(false);
    const written = encodeEvent(crypto.randomUUID(), '$metadata', {}, recorded!.metadata);
    expect(decodeEvent(asRead('tender-1', 0n, written, 1n))).toBeUndefined();
    const foreign = {
      ...encodeEvent(crypto.randomUUID(), 'Other', {}, recorded!.metadata),
      metadata: { source: 'elsewhere' },
    };
    expect(() => decodeEvent(asRead('tender-1', 3n, foreign as ReturnType<typeof encodeEvent>, 1n))).toThrow(
      ForeignEventError,
    );
  });

  it('insists on a position: servers before 22.6 send none, which client 6.2 reads as 0', () => {
    const written = encodeEvent(
      crypto.randomUUID(),
      recorded!.type,
      recorded!.data,
      recorded!.metadata as RecordedMetadata,
    );
    expect(() => decodeEvent(asRead('tender-1', 0n, written))).toThrow(/no log position/);
    expect(() => decodeEvent(asRead('tender-1', 0n, written, 0n))).toThrow(/upgrade the server/);
  });
});

describe('error mapping', () => {
  it("turns the client's errors into the port's", () => {
    const wrong = new EsdbWrongExpectedVersion(undefined, { streamName: 's-1', expected: 3n, current: 5n });
    expect(toPortError(wrong, 's-1')).toEqual(expect.objectContaining({ streamId: 's-1', expected: 3n, actual: 5n }));
    expect(toPortError(wrong, 's-1')).toBeInstanceOf(WrongExpectedVersionError);
    const none = new EsdbWrongExpectedVersion(undefined, {
      streamName: 's-1',
      expected: 'stream_exists',
      current: 'no_stream',
    });
    expect(toPortError(none, 's-1', 'stream_exists')).toMatchObject({ expected: 'stream_exists', actual: undefined });
    expect(toPortError(new EsdbStreamNotFound(undefined, 's-1'), 's-1')).toBeInstanceOf(StreamNotFoundError);
    expect(toPortError(EsdbStreamDeleted.fromStreamName('s-1'), 's-1')).toBeInstanceOf(StreamDeletedError);
    // Delete and tombstone report conflicts through trailers: raw numbers, -1 for a missing stream.
    const unary = new EsdbWrongExpectedVersion(undefined, { streamName: 's-1', expected: -1n, current: -1n });
    expect(toPortError(unary, 's-1')).toMatchObject({ expected: 'no_stream', actual: undefined });
    const other = new Error('boom');
    expect(toPortError(other, 's-1')).toBe(other);
  });
});
