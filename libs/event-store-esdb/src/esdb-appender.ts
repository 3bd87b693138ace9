import { NO_STREAM, WrongExpectedVersionError as EsdbWrongExpectedVersion, type EventStoreDBClient } from '@eventstore/db-client';
import {
  checkAppend,
  DuplicateEventIdError,
  eventHash,
  GENESIS_HASH,
  stampMetadata,
  WrongExpectedVersionError,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
} from '@presales/event-store';
import { ChainHeadHiddenError, readChainHead, toStreamState, type ChainHead } from './chain-head.js';
import { compareBatch, resultOf } from './retry-detection.js';
import { encodeEvent } from './envelope-codec.js';
import { toPortError } from './error-mapping.js';
import { fromPosition } from './positions.js';
import { readStreamEvents } from './stream-reads.js';

/** Racing `any` writers retry on a moved head; this bounds how often before giving up. */
const MAX_ATTEMPTS = 8;

/**
 * Append with the hash chain computed here, not by the server: read the head, check the
 * caller's expected revision against it (the port's rules), hash the events onto it, and
 * append guarded by exactly that head revision. If another writer moved the head in between,
 * the server refuses the guard and the whole step is redone on the new head, so the chain
 * never forks; a caller's exact expectation then fails as it should.
 */
export class EsdbAppender {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly clock: () => Date,
  ) {}

  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    let previous: ChainHead | undefined;
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const head = await readChainHead(this.client, streamId);
      if (previous !== undefined && sameHead(previous, head)) {
        throw new ChainHeadHiddenError(streamId, `the server's last revision is not the recorded head ${describe(head)}`);
      }
      let continuesAfter: bigint | undefined;
      try {
        continuesAfter = checkAppend(streamId, expected, toStreamState(head));
      } catch (error) {
        if (error instanceof WrongExpectedVersionError) return this.retryOrThrow(streamId, events, expected, error);
        throw error;
      }
      if (expected === 'any' || expected === 'stream_exists') {
        const retried = await this.findRetryAtTail(streamId, events, head);
        if (retried !== undefined) return retried;
      }
      try {
        return await this.appendOnHead(streamId, events, head, continuesAfter);
      } catch (error) {
        if (!(error instanceof EsdbWrongExpectedVersion)) throw toPortError(error, streamId, expected);
        previous = head; // someone appended since the head was read: redo on the new head
      }
    }
    throw new WrongExpectedVersionError(streamId, expected, undefined);
  }

  private async appendOnHead(streamId: string, events: readonly EventToAppend[], head: ChainHead, continuesAfter: bigint | undefined): Promise<AppendResult> {
    const recordedAt = this.clock().toISOString();
    let revision = continuesAfter ?? -1n;
    let prevHash = head.kind === 'new' ? GENESIS_HASH : head.hash;
    const encoded = events.map((event) => {
      revision += 1n;
      const metadata = stampMetadata(event.metadata, recordedAt, prevHash);
      const hash = eventHash({ streamId, revision, type: event.type, data: event.data, metadata });
      prevHash = hash;
      return encodeEvent(event.id, event.type, event.data, { ...metadata, hash });
    });
    const result = await this.client.appendToStream(streamId, encoded, { expectedRevision: continuesAfter ?? NO_STREAM });
    return { nextExpectedRevision: result.nextExpectedRevision, position: fromPosition(result.position, `append to ${streamId}`) };
  }

  /**
   * The expected revision does not match. If the events right after it are this batch, the
   * call is a retry of an append that succeeded: answer as the first time. Otherwise the
   * conflict stands, or, if the ids were used for other content, it is a duplicate id.
   */
  private async retryOrThrow(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision, conflict: WrongExpectedVersionError): Promise<AppendResult> {
    if (expected === 'any' || expected === 'stream_exists') throw conflict;
    const from = expected === 'no_stream' ? undefined : expected + 1n;
    const recorded = await readStreamEvents(this.client, streamId, { ...(from === undefined ? {} : { fromRevision: from }), maxCount: events.length });
    const verdict = compareBatch(recorded, events);
    if (verdict === 'same') return resultOf(recorded);
    if (verdict === 'other_ids') throw conflict;
    throw new DuplicateEventIdError(events[0]!.id, streamId);
  }

  /** With `any`, a retry can only be recognised if the batch is still the stream's tail (EventStoreDB's own guarantee for `any`). */
  private async findRetryAtTail(streamId: string, events: readonly EventToAppend[], head: ChainHead): Promise<AppendResult | undefined> {
    if (head.kind !== 'live' || head.revision + 1n < BigInt(events.length)) return undefined;
    const recorded = await readStreamEvents(this.client, streamId, { fromRevision: head.revision - BigInt(events.length) + 1n, maxCount: events.length });
    const verdict = compareBatch(recorded, events);
    if (verdict === 'same') return resultOf(recorded);
    if (verdict === 'other_content') throw new DuplicateEventIdError(events[0]!.id, streamId);
    return undefined;
  }
}

function sameHead(a: ChainHead, b: ChainHead): boolean {
  return a.kind === b.kind && (a.kind === 'new' || (b.kind !== 'new' && a.revision === b.revision && a.hash === b.hash));
}

function describe(head: ChainHead): string {
  return head.kind === 'new' ? '(none)' : `${head.revision}`;
}
