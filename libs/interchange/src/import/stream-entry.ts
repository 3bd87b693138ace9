import type { AggregateEntry, DomainEvent } from '@presales/domain';
import type { EventToAppend } from '@presales/event-store';

/** An accepted line waiting for its stream's next append. */
export interface PendingEvent {
  readonly line: number;
  readonly event: DomainEvent;
  readonly toAppend: EventToAppend;
  readonly fingerprint: string;
  /** For an event identified by its data alone: the fingerprint of its type and data. */
  readonly fact?: string;
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
  /** Fact fingerprints (see PendingEvent.fact) of the stream's stored events. */
  private readonly committedFacts: Set<string>;
  state: unknown;
  pending: PendingEvent[] = [];
  readonly pendingIds = new Map<string, string>();
  private readonly pendingFacts = new Set<string>();

  constructor(
    readonly stream: string,
    readonly streamEntityId: string,
    readonly aggregate: AggregateEntry,
    committed: {
      state: unknown;
      revision: bigint | undefined;
      ids: Map<string, { readonly fingerprint: string; readonly revision: bigint }>;
      facts: Set<string>;
    },
  ) {
    this.committedFacts = committed.facts;
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

  /** Whether the stream holds (stored or pending) an event identified by the same data. */
  knownFact(fact: string | undefined): boolean {
    return fact !== undefined && (this.committedFacts.has(fact) || this.pendingFacts.has(fact));
  }

  /** Throws the DomainError of an invariant `event`, at its line's business time, breaks in the current state. */
  check(pending: PendingEvent): void {
    this.aggregate.decider.check(
      this.state,
      pending.event as never,
      this.streamEntityId,
      pending.toAppend.metadata.occurredAt,
    );
  }

  /** Check the invariants of `event` against the current state and, if they hold, take it. Throws the DomainError otherwise. */
  accept(pending: PendingEvent): void {
    this.check(pending);
    this.state = this.aggregate.decider.evolve(this.state, pending.event as never);
    this.pending.push(pending);
    this.pendingIds.set(pending.toAppend.id, pending.fingerprint);
    if (pending.fact !== undefined) this.pendingFacts.add(pending.fact);
  }

  /** The pending events were appended as the stream's revisions up to `lastRevision`. */
  commit(lastRevision: bigint): void {
    let revision = lastRevision - BigInt(this.pending.length) + 1n;
    for (const pending of this.pending) {
      this.committedIds.set(pending.toAppend.id, { fingerprint: pending.fingerprint, revision });
      if (pending.fact !== undefined) this.committedFacts.add(pending.fact);
      revision += 1n;
    }
    this.committedState = this.state;
    this.committedRevision = lastRevision;
    this.pending = [];
    this.pendingIds.clear();
    this.pendingFacts.clear();
  }

  /** Drop the pending events and return them, the state back at the committed one. */
  rollBack(): PendingEvent[] {
    const dropped = this.pending;
    this.pending = [];
    this.pendingIds.clear();
    this.pendingFacts.clear();
    this.state = this.committedState;
    return dropped;
  }
}
