import { WrongExpectedVersionError as EsdbWrongExpectedVersion, type EventStoreDBClient, type StreamMetadata as EsdbStreamMetadata } from '@eventstore/db-client';
import { assertValidStreamMetadata, checkDelete, WrongExpectedVersionError, type ExpectedRevision, type StreamMetadata } from '@presales/event-store';
import { readChainHead, recordHead, toStreamState } from './chain-head.js';
import { portErrors, toPortError } from './error-mapping.js';

const MAX_ATTEMPTS = 8;

/** Soft deletes, tombstones and stream metadata, on EventStoreDB's own operations. */
export class EsdbLifecycle {
  constructor(private readonly client: EventStoreDBClient) {}

  /**
   * Records the chain head, then soft-deletes guarded by exactly that revision, so the
   * recorded head is the hidden last event and a later append can chain onto it.
   */
  async softDelete(streamId: string, expected: ExpectedRevision): Promise<void> {
    for (let attempt = 1; attempt <= MAX_ATTEMPTS; attempt += 1) {
      const head = await readChainHead(this.client, streamId);
      checkDelete(streamId, 'soft', expected, toStreamState(head));
      // checkDelete refuses a soft delete of a stream never written; this narrows the type.
      if (head.kind === 'new') throw new WrongExpectedVersionError(streamId, expected, undefined);
      if (head.kind === 'live') await recordHead(this.client, streamId, head);
      try {
        await this.client.deleteStream(streamId, { expectedRevision: head.revision });
        return;
      } catch (error) {
        if (!(error instanceof EsdbWrongExpectedVersion)) throw toPortError(error, streamId, expected);
      }
    }
    throw new WrongExpectedVersionError(streamId, expected, undefined);
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
   * control, custom keys). `$tb` is left to the server, which moves it itself when metadata
   * is written to a soft-deleted stream.
   */
  async replaceMetadata(streamId: string, metadata: StreamMetadata): Promise<void> {
    assertValidStreamMetadata(streamId, metadata);
    const current = (await portErrors(streamId, () => this.client.getStreamMetadata(streamId))).metadata ?? {};
    const { maxCount: _maxCount, maxAge: _maxAge, truncateBefore: _truncateBefore, ...kept } = current;
    const next: EsdbStreamMetadata = {
      ...kept,
      ...(metadata.maxCount === undefined ? {} : { maxCount: metadata.maxCount }),
      ...(metadata.maxAgeSeconds === undefined ? {} : { maxAge: metadata.maxAgeSeconds }),
    };
    await portErrors(streamId, () => this.client.setStreamMetadata(streamId, next));
  }
}
