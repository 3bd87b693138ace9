import {
  WrongExpectedVersionError as EsdbWrongExpectedVersion,
  type EventStoreDBClient,
  type StreamMetadata as EsdbStreamMetadata,
} from '@eventstore/db-client';
import {
  assertValidStreamMetadata,
  checkDelete,
  WrongExpectedVersionError,
  type ExpectedRevision,
  type StreamMetadata,
} from '@presales/event-store';
import { readChainHead, recordHead, toStreamState } from './chain-head.js';
import { backoffMs, sleep } from './drain.js';
import { portErrors, toPortError } from './error-mapping.js';

/** Soft deletes with `any` that keep losing races give up after this many tries (about 2 s of backoff). */
const MAX_ATTEMPTS = 12;

/** Soft deletes, tombstones and stream metadata, on EventStoreDB's own operations. */
export class EsdbLifecycle {
  constructor(private readonly client: EventStoreDBClient) {}

  /**
   * Records the chain head, then soft-deletes guarded by exactly that revision, so the
   * recorded head is the hidden last event and a later append can chain onto it.
   */
  async softDelete(streamId: string, expected: ExpectedRevision): Promise<void> {
    for (let attempt = 0; ; attempt += 1) {
      const head = await readChainHead(this.client, streamId);
      checkDelete(streamId, 'soft', expected, toStreamState(head));
      // checkDelete refuses a soft delete of a stream never written; this narrows the type.
      if (head.kind === 'new') throw new WrongExpectedVersionError(streamId, expected, undefined);
      if (head.kind === 'live') await recordHead(this.client, streamId, head);
      try {
        await this.client.deleteStream(streamId, { expectedRevision: head.revision });
        return;
      } catch (error) {
        const conflict = toPortError(error, streamId, expected);
        // An exact expectation refused by the server is a real conflict; `any` waits for the newer head to be readable.
        if (
          !(error instanceof EsdbWrongExpectedVersion) ||
          (expected !== 'any' && expected !== 'stream_exists') ||
          attempt >= MAX_ATTEMPTS
        )
          throw conflict;
        await sleep(backoffMs(attempt, 10, 250));
      }
    }
  }

  /**
   * A tombstone needs no chain bookkeeping: nothing can ever follow it. The server's delete
   * knows no `stream_exists`; that one is checked here and sent as the exact revision.
   */
  async tombstone(streamId: string, expected: ExpectedRevision): Promise<void> {
    let guard: Exclude<ExpectedRevision, 'stream_exists'>;
    if (expected === 'stream_exists') {
      const head = await readChainHead(this.client, streamId);
      if (head.kind === 'new') throw new WrongExpectedVersionError(streamId, expected, undefined);
      guard = head.revision;
    } else {
      guard = expected;
    }
    await portErrors(streamId, () => this.client.tombstoneStream(streamId, { expectedRevision: guard }), expected);
  }

  async metadata(streamId: string): Promise<StreamMetadata> {
    const { metadata } = await portErrors(streamId, () => this.client.getStreamMetadata(streamId));
    return {
      ...(metadata?.maxCount === undefined ? {} : { maxCount: metadata.maxCount }),
      ...(metadata?.maxAge === undefined ? {} : { maxAgeSeconds: metadata.maxAge }),
    };
  }

  /**
   * Replaces `$maxCount` and `$maxAge`, keeping what operators may have set (ACLs, cache
   * control, custom keys) and a finite `$tb`: after a soft delete and a re-creation the server
   * has set `$tb` to the first new revision, and dropping it would bring the deleted events
   * back. Only the soft-delete marker itself (EventNumber.DeletedStream, beyond 2^53 as a JS
   * number) is left out: while the stream is deleted, the server moves `$tb` itself when
   * metadata is written (StorageWriterService.SoftUndeleteRawMeta).
   */
  async replaceMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    assertValidStreamMetadata(streamId, metadata);
    const current = (await portErrors(streamId, () => this.client.getStreamMetadata(streamId))).metadata ?? {};
    const { maxCount: _maxCount, maxAge: _maxAge, truncateBefore, ...kept } = current;
    const next: EsdbStreamMetadata = {
      ...kept,
      ...(isFiniteTruncation(truncateBefore) ? { truncateBefore } : {}),
      ...(metadata.maxCount === undefined ? {} : { maxCount: metadata.maxCount }),
      ...(metadata.maxAgeSeconds === undefined ? {} : { maxAge: metadata.maxAgeSeconds }),
    };
    await portErrors(streamId, () => this.client.setStreamMetadata(streamId, next));
  }
}

function isFiniteTruncation(truncateBefore: EsdbStreamMetadata['truncateBefore']): truncateBefore is number {
  return typeof truncateBefore === 'number' && Number.isSafeInteger(truncateBefore);
}
