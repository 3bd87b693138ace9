import type { AggregateEntry, DomainEvent } from '@presales/domain';
import type { EventToAppend } from '@presales/event-store';

/** An accepted line waiting for its stream's next append. */
export interface PendingEvent {
  readonly line: number;
  readonly event: DomainEvent;
  readonly toAppend: EventToAppend;
  readonly fingerprint: string;
}

/**
 * What the importer knows of one stream: the state and ids already in the store ("committed"),
 * and the accepted lines not yet appended, folded on top ("pending"). A failed append rolls the
 * pending part back to the committed part without reading the store again.
 */
export class StreamEntry {
  committedState: unknown;
  /** Last revision in the store; undefined while the stream does not exist there. */
  committedRevision: bigint | undefined;
  readonly committedIds: Map<string, { readonly fingerprint: string; readonly revision: bigint }>;
  state: unknown;
  pending: PendingEvent[] = [];
  readonly pendingIds = new Map<string, string>();

  constructor(
    readonly stream: string,
    readonly streamEntityId: string,
    readonly aggregate: AggregateEntry,
    committed: { state: unknown; revision: bigint | undefined; ids: Map<string, { readonly fingerprint: string; readonly revision: bigint }> },
  ) {
    this.committedState = committed.state;
    this.committedRevision = committed.revision;
    this.committedIds = committed.ids;
    this.state = committed.state;
  }

  /** The revision the next accepted line lands at. */
  get nextRevision(): bigint {
    return (this.committedRevision ?? -1n) + 1n + BigInt(this.pending.length);
  }

  /** Fingerprint of an id this stream already holds (stored or pending), or undefined. */
  knownId(id: string): { readonly fingerprint: string; readonly revision: bigint | undefined } | undefined {
    const stored = this.committedIds.get(id);
    if (stored !== undefined) return stored;
    const pending = this.pendingIds.get(id);
    return pending === undefined ? undefined : { fingerprint: pending, revision: undefined };
  }

  /** Check the invariants of `event` against the current state and, if they hold, take it. Throws the DomainError otherwise. */
  accept(pending: PendingEvent): void {
    this.aggregate.decider.check(this.state, pending.event as never, this.streamEntityId);
    this.state = this.aggregate.decider.evolve(this.state, pending.event as never);
    this.pending.push(pending);
    this.pendingIds.set(pending.toAppend.id, pending.fingerprint);
  }

  /** The pending events were appended as the stream's revisions up to `lastRevision`. */
  commit(lastRevision: bigint): void {
    let revision = lastRevision - BigInt(this.pending.length) + 1n;
    for (const pending of this.pending) {
      this.committedIds.set(pending.toAppend.id, { fingerprint: pending.fingerprint, revision });
      revision += 1n;
    }
    this.committedState = this.state;
    this.committedRevision = lastRevision;
    this.pending = [];
    this.pendingIds.clear();
  }

  /** Drop the pending events and return them, the state back at the committed one. */
  rollBack(): PendingEvent[] {
    const dropped = this.pending;
    this.pending = [];
    this.pendingIds.clear();
    this.state = this.committedState;
    return dropped;
  }
}
