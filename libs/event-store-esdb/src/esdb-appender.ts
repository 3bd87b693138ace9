import {
  NO_STREAM,
  WrongExpectedVersionError as EsdbWrongExpectedVersion,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import {
  checkAppend,
  eventHash,
  GENESIS_HASH,
  stampMetadata,
  WrongExpectedVersionError,
  type AppendResult,
  type EventToAppend,
  type ExpectedRevision,
} from '@presales/event-store';
import { ChainHeadHiddenError, headRevision, readChainHead, toStreamState, type ChainHead } from './chain-head.js';
import { backoffMs, sleep } from './drain.js';
import { encodeEvent } from './envelope-codec.js';
import { toPortError } from './error-mapping.js';
import { fromPosition } from './positions.js';
import { findRecentRetry, retryAfterConflict } from './retry-lookup.js';
import { isTransient, TRANSIENT_RETRY_MS } from './transient.js';

/**
 * How long a writer that lost a race waits for the winner's events to become readable. The
 * server refuses the loser on versions it has pre-committed but not yet indexed
 * (IndexWriter.CheckCommit on `_streamVersions`) and answers it before the winner, so the
 * loser's next head read can still show the old head for a while (longer on disk, in clusters).
 */
const HEAD_CATCH_UP_MS = 2_000;
/** How long `any` keeps retrying on a stream other writers keep winning. */
const ANY_GIVES_UP_AFTER_MS = 10_000;

/**
 * Append with the hash chain computed here, not by the server: read the head, check the
 * caller's expected revision against it (the port's rules), hash the events onto it, and
 * append guarded by exactly that head revision, so the chain never forks. When the server
 * refuses the guard, its answer is used: an exact expectation (or `no_stream`) is then a real
 * conflict, reported with the server's actual revision; `any` and `stream_exists` wait, with
 * jittered backoff, until the head the server saw is readable, and try again on it.
 */
export class EsdbAppender {
  constructor(
    private readonly client: EventStoreDBClient,
    private readonly clock: () => Date,
  ) {}

  /** Through connection failures too: a repeated attempt is recognised by its ids if the first one was written. */
  async append(streamId: string, events: readonly EventToAppend[], expected: ExpectedRevision): Promise<AppendResult> {
    const started = Date.now();
    for (let attempt = 0; ; attempt += 1) {
      try {
        return await this.appendOnce(streamId, events, expected);
      } catch (error) {
        if (!isTransient(error) || Date.now() - started > TRANSIENT_RETRY_MS) throw error;
        await sleep(backoffMs(attempt, 50, 1_000));
      }
    }
  }

  private async appendOnce(
    streamId: string,
    events: readonly EventToAppend[],
    expected: ExpectedRevision,
  ): Promise<AppendResult> {
    const started = Date.now();
    /** The revision the server said the stream is at when it refused us; the next head must reach it. */
    let serverSaw: bigint | undefined;
    for (let attempt = 0; ; attempt += 1) {
      const head = await readChainHead(this.client, streamId);
      if (serverSaw !== undefined && headRevision(head) < serverSaw) {
        if (Date.now() - started > HEAD_CATCH_UP_MS) {
          throw new ChainHeadHiddenError(
            streamId,
            `the server is at revision ${serverSaw} but the last readable event is ${describe(head)}`,
          );
        }
        await sleep(backoffMs(attempt));
        continue;
      }
      let continuesAfter: bigint | undefined;
      try {
        continuesAfter = checkAppend(streamId, expected, toStreamState(head));
      } catch (error) {
        if (error instanceof WrongExpectedVersionError)
          return retryAfterConflict(this.client, streamId, events, expected, error);
        throw error;
      }
      if (expected === 'any' || expected === 'stream_exists') {
        const retried = await findRecentRetry(this.client, streamId, events, head);
        if (retried !== undefined) return retried;
      }
      try {
        return await this.appendOnHead(streamId, events, head, continuesAfter);
      } catch (error) {
        if (!(error instanceof EsdbWrongExpectedVersion)) throw toPortError(error, streamId, expected);
        const actual = error.actualVersion === 'no_stream' ? undefined : error.actualVersion;
        if (expected !== 'any' && expected !== 'stream_exists') {
          return retryAfterConflict(
            this.client,
            streamId,
            events,
            expected,
            new WrongExpectedVersionError(streamId, expected, actual),
          );
        }
        if (Date.now() - started > ANY_GIVES_UP_AFTER_MS)
          throw new WrongExpectedVersionError(streamId, expected, actual);
        serverSaw = actual ?? -1n;
        await sleep(backoffMs(attempt));
      }
    }
  }

  private async appendOnHead(
    streamId: string,
    events: readonly EventToAppend[],
    head: ChainHead,
    continuesAfter: bigint | undefined,
  ): Promise<AppendResult> {
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
    const result = await this.client.appendToStream(streamId, encoded, {
      expectedRevision: continuesAfter ?? NO_STREAM,
    });
    return {
      nextExpectedRevision: result.nextExpectedRevision,
      position: fromPosition(result.position, `append to ${streamId}`),
    };
  }
}

function describe(head: ChainHead): string {
  return head.kind === 'new' ? '(none)' : `${head.revision}`;
}
