import { DomainError } from '@presales/domain';

/** A revision the stream does not hold: asked for 12, the stream has 0..9. */
export class RevisionOutOfRangeError extends DomainError {
  readonly code = 'not_found' as const;
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    readonly held: { readonly first: bigint; readonly last: bigint },
  ) {
    super(
      `stream ${streamId}: revision ${revision} does not exist (the stream has revisions ${held.first}..${held.last})`,
    );
  }
}

/**
 * A stored event that cannot be folded: it no longer parses as its type, or evolve refuses it.
 * Only reachable when the chain is broken or events were written around the domain; the chain
 * verdict says which.
 */
export class UnreadableEventError extends DomainError {
  readonly code = 'illegal_state' as const;
  constructor(
    readonly streamId: string,
    readonly revision: bigint,
    readonly detail: string,
  ) {
    super(`stream ${streamId}@${revision}: the stored event cannot be replayed: ${detail}`);
  }
}

/**
 * The analytics tables have not yet caught up with every event recorded by asOf, so an answer
 * now could differ from the same question asked later: retry (409, like any concurrency conflict).
 */
export class ProjectionBehindError extends DomainError {
  readonly code = 'concurrency' as const;
  constructor(
    readonly headPosition: bigint,
    readonly waitedMs: number,
  ) {
    super(
      `analytics projection has not reached $all position ${headPosition} after ${waitedMs} ms; ask again shortly (GET /api/health shows the lag)`,
    );
  }
}
