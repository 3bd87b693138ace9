import {
  BACKWARDS,
  END,
  jsonEvent,
  NO_STREAM,
  StreamNotFoundError as EsdbStreamNotFound,
  WrongExpectedVersionError as EsdbWrongExpectedVersion,
  type EventStoreDBClient,
} from '@eventstore/db-client';
import { CheckpointConflictError, type CheckpointStore } from '@presales/event-store';
import { drain } from './drain.js';

interface StoredCheckpoint {
  readonly position: bigint;
  readonly revision: bigint;
}

/** Only the newest checkpoint matters; EventStoreDB may scavenge the rest. */
const KEEP = 5;

/**
 * One `$checkpoint-<subscriber>` stream per subscriber (a system stream: never in `$all` reads
 * of the port). Compare-and-set is the stream's expected revision: read the last checkpoint,
 * check it is the one the caller saw and not ahead of the new one, append guarded by its
 * revision. A concurrent saver makes the guard fail, and the caller gets the conflict.
 */
export class EsdbCheckpointStore implements CheckpointStore {
  constructor(private readonly client: EventStoreDBClient) {}

  async load(subscriberId: string): Promise<bigint | undefined> {
    return (await this.read(subscriberId))?.position;
  }

  async save(subscriberId: string, position: bigint, expected: bigint | undefined): Promise<void> {
    const current = await this.read(subscriberId);
    if (current?.position !== expected || (current !== undefined && position < current.position)) {
      throw new CheckpointConflictError(subscriberId, expected, current?.position, position);
    }
    const stream = checkpointStream(subscriberId);
    // Capped before the first checkpoint, so a crash right after it cannot leave the stream unbounded.
    if (current === undefined) await this.client.setStreamMetadata(stream, { maxCount: KEEP });
    try {
      await this.client.appendToStream(
        stream,
        jsonEvent({ type: 'Checkpoint', data: { position: position.toString() } }),
        {
          expectedRevision: current === undefined ? NO_STREAM : current.revision,
        },
      );
    } catch (error) {
      if (error instanceof EsdbWrongExpectedVersion) {
        throw new CheckpointConflictError(subscriberId, expected, (await this.read(subscriberId))?.position, position);
      }
      throw error;
    }
  }

  private async read(subscriberId: string): Promise<StoredCheckpoint | undefined> {
    let records;
    try {
      records = await drain(
        this.client.readStream(checkpointStream(subscriberId), {
          direction: BACKWARDS,
          fromRevision: END,
          maxCount: 1,
          requiresLeader: true,
        }),
      );
    } catch (error) {
      if (error instanceof EsdbStreamNotFound) return undefined;
      throw error;
    }
    const last = records[0]?.event;
    const data = last?.data as { position?: string } | undefined;
    return last !== undefined && typeof data?.position === 'string'
      ? { position: BigInt(data.position), revision: last.revision }
      : undefined;
  }
}

export function checkpointStream(subscriberId: string): string {
  return `$checkpoint-${subscriberId}`;
}
