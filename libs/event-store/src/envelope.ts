import type { Actor } from '@presales/domain';

/** What a writer supplies. `recordedAt` and the hashes are not here: only the store sets them. */
export interface EventMetadataInput {
  /** Business time, ISO-8601 UTC. */
  readonly occurredAt: string;
  readonly actor: Actor;
  readonly correlationId?: string;
  readonly causationId?: string;
  readonly schemaVersion: number;
}

export interface EventToAppend {
  /** Globally unique; a retry with the same id is idempotent (DESIGN.md decision 3). */
  readonly id: string;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: EventMetadataInput;
}

export interface RecordedMetadata extends EventMetadataInput {
  /** Store time, stamped by the adapter at append, before hashing (DESIGN.md decision 4). */
  readonly recordedAt: string;
  readonly prevHash: string;
  readonly hash: string;
}

/** The envelope of DESIGN.md decision 4. Revisions count from 0 per stream; positions are global. */
export interface RecordedEvent {
  readonly id: string;
  readonly type: string;
  readonly streamId: string;
  readonly revision: bigint;
  readonly position: bigint;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: RecordedMetadata;
}
