import type { RecordedEvent } from './envelope.js';
import { eventHash, GENESIS_HASH } from './hash-chain.js';

/** The verdict on one stream's hash chain: intact, or the first revision that does not fit. */
export type StreamVerification =
  | { readonly ok: true; readonly streamId: string; readonly events: number }
  | { readonly ok: false; readonly streamId: string; readonly firstBrokenRevision: bigint; readonly reason: string };

/**
 * One thing verification found wrong. `stream`: a chain or its head record does not fit.
 * `log`: the `$all` log itself (a gap in positions, a reordering), where the engine keeps
 * enough to tell (SQLite's ledger; EventStoreDB's log is not ours to check).
 */
export type TamperFinding =
  | {
      readonly kind: 'stream';
      readonly streamId: string;
      readonly firstBrokenRevision: bigint;
      readonly reason: string;
    }
  | { readonly kind: 'log'; readonly position: bigint; readonly reason: string };

export type StoreVerification =
  | { readonly ok: true; readonly streams: number; readonly events: number }
  | {
      readonly ok: false;
      readonly streams: number;
      readonly events: number;
      readonly findings: readonly TamperFinding[];
      /** Findings beyond the cap, counted but not listed. */
      readonly findingsOmitted: number;
    };

/** Where a chain check starts: revision 0 after the genesis hash, or a truncation point taken on trust. */
export interface ChainStart {
  readonly revision: bigint;
  readonly prevHash: string;
}

export const CHAIN_ORIGIN: ChainStart = { revision: 0n, prevHash: GENESIS_HASH };

/**
 * Recomputes one stream's chain from its events, fed in revision order, one at a time (so a
 * whole store can be verified in one pass without holding it). Remembers only the first break:
 * everything after a break is suspect anyway.
 */
export class StreamChainVerifier {
  private nextRevision: bigint;
  private prevHash: string;
  private verified = 0;
  private broken: { revision: bigint; reason: string } | undefined;
  private lastPosition = -1n;

  constructor(
    readonly streamId: string,
    start: ChainStart = CHAIN_ORIGIN,
  ) {
    this.nextRevision = start.revision;
    this.prevHash = start.prevHash;
  }

  get isBroken(): boolean {
    return this.broken !== undefined;
  }

  /** The revision and hash the chain ends at so far; undefined before the first event. */
  get head(): { readonly revision: bigint; readonly hash: string } | undefined {
    return this.verified === 0 ? undefined : { revision: this.nextRevision - 1n, hash: this.prevHash };
  }

  get eventsVerified(): number {
    return this.verified;
  }

  accept(event: RecordedEvent): void {
    if (this.broken !== undefined) return;
    if (event.revision !== this.nextRevision) {
      const reason =
        event.revision > this.nextRevision
          ? `revision ${this.nextRevision} is missing (deleted), found ${event.revision} next`
          : `revision ${event.revision} appears again or out of order`;
      return this.breakAt(this.nextRevision, reason);
    }
    if (event.metadata.prevHash !== this.prevHash)
      return this.breakAt(
        event.revision,
        'prevHash does not match the previous event (deleted, inserted or reordered)',
      );
    const hash = event.metadata.hash;
    if (eventHash(event) !== hash) return this.breakAt(event.revision, 'content does not match its hash (edited)');
    if (event.position <= this.lastPosition)
      return this.breakAt(
        event.revision,
        `position ${event.position} is not after the previous event's (reordered in $all)`,
      );
    this.lastPosition = event.position;
    this.prevHash = hash;
    this.nextRevision += 1n;
    this.verified += 1;
  }

  /**
   * The chain must end exactly at the head the store recorded at append time: this is what
   * catches the deletion of a stream's last events, which leaves a shorter but intact chain.
   */
  expectHead(head: { readonly revision: bigint; readonly hash: string } | undefined): void {
    if (this.broken !== undefined) return;
    const reached = this.head;
    if (head === undefined) {
      if (reached !== undefined) this.breakAt(0n, 'the stream has events but no head record (head deleted)');
      return;
    }
    if (reached === undefined || reached.revision < head.revision) {
      return this.breakAt(
        this.nextRevision,
        `the head record says revision ${head.revision} but the events end ${reached === undefined ? 'before revision 0' : `at ${reached.revision}`} (deleted)`,
      );
    }
    if (reached.revision > head.revision)
      return this.breakAt(
        head.revision + 1n,
        `events continue past the head record's revision ${head.revision} (inserted)`,
      );
    if (reached.hash !== head.hash)
      return this.breakAt(head.revision, 'the last event does not match the head record (edited or replaced)');
  }

  /** A break found outside the chain arithmetic, e.g. a stored event that no longer parses. */
  markBroken(revision: bigint, reason: string): void {
    if (this.broken === undefined) this.breakAt(revision, reason);
  }

  verdict(): StreamVerification {
    if (this.broken !== undefined)
      return {
        ok: false,
        streamId: this.streamId,
        firstBrokenRevision: this.broken.revision,
        reason: this.broken.reason,
      };
    return { ok: true, streamId: this.streamId, events: this.verified };
  }

  private breakAt(revision: bigint, reason: string): void {
    this.broken = { revision, reason };
  }
}

/** Recompute a stream's chain from its events in revision order and report the first break. */
export function verifyChain(
  streamId: string,
  events: readonly RecordedEvent[],
  start: ChainStart = CHAIN_ORIGIN,
): StreamVerification {
  const verifier = new StreamChainVerifier(streamId, start);
  for (const event of events) verifier.accept(event);
  return verifier.verdict();
}

/** Collects findings for verifyAll, up to a cap so a wholesale rewrite does not exhaust memory. */
export class FindingsCollector {
  private readonly items: TamperFinding[] = [];
  private dropped = 0;

  constructor(private readonly cap = 1000) {}

  add(finding: TamperFinding): void {
    if (this.items.length < this.cap) this.items.push(finding);
    else this.dropped += 1;
  }

  addStream(verdict: StreamVerification): void {
    if (!verdict.ok)
      this.add({
        kind: 'stream',
        streamId: verdict.streamId,
        firstBrokenRevision: verdict.firstBrokenRevision,
        reason: verdict.reason,
      });
  }

  result(streams: number, events: number): StoreVerification {
    if (this.items.length === 0) return { ok: true, streams, events };
    return { ok: false, streams, events, findings: this.items, findingsOmitted: this.dropped };
  }
}
