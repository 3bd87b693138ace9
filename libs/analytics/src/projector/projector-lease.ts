import { CheckpointConflictError, type CheckpointStore } from '@presales/event-store';

/** Where the analytics projector's lease lives in the event store's checkpoint store. */
export const PROJECTOR_LEASE_ID = 'lease:analytics-projector';

/** Expiry after the last renewal: a holder that dies is replaced within this plus one poll. */
export const DEFAULT_LEASE_TTL_MS = 6000;

export interface ProjectorLeaseOptions {
  readonly leaseId?: string;
  readonly ttlMs?: number;
  readonly now?: () => number;
}

/**
 * A lease over the event store's checkpoint store (docs/decisions/0038): its compare-and-set is
 * shared by every process on the same event store, on SQLite and on EventStoreDB, and it keeps
 * one record per id outside `$all`, so leases never reach the projector, the audit or the hash
 * chain. A checkpoint only moves forwards, so the lease is one growing number:
 * `expiresAtMs * 2 + held` (held 1, released 0). A renewal or a takeover writes a later expiry; a
 * release writes the next millisecond with held 0. A holder knows it holds the lease by the value
 * it wrote last still being the current one: values never repeat, so no holder id is needed.
 */
export class ProjectorLease {
  private readonly leaseId: string;
  private readonly ttlMs: number;
  private readonly now: () => number;
  /** The value this holder wrote last; undefined when it does not hold the lease. */
  private mine: bigint | undefined;

  constructor(
    private readonly checkpoints: CheckpointStore,
    options: ProjectorLeaseOptions = {},
  ) {
    this.leaseId = options.leaseId ?? PROJECTOR_LEASE_ID;
    this.ttlMs = options.ttlMs ?? DEFAULT_LEASE_TTL_MS;
    this.now = options.now ?? Date.now;
  }

  /** Takes the lease if nobody holds it (never taken, released or expired), or renews it if this holder does. */
  async acquire(): Promise<boolean> {
    if (this.mine !== undefined) return this.renew();
    const current = await this.checkpoints.load(this.leaseId);
    if (current !== undefined && isHeld(current) && expiryOf(current) > this.now()) return false;
    return this.write(current);
  }

  /** Extends this holder's lease; false (and no longer held) when another holder took it meanwhile. */
  async renew(): Promise<boolean> {
    if (this.mine === undefined) return false;
    return this.write(this.mine);
  }

  /**
   * Whether this holder may write now: it wrote the current value and its expiry has not passed
   * by its own clock. A holder paused past its expiry must not write even before a renewal fails.
   */
  holds(): boolean {
    return this.mine !== undefined && this.now() < expiryOf(this.mine);
  }

  /** The expiry of this holder's lease, in ms since the epoch; undefined when not held. */
  expiresAt(): number | undefined {
    return this.mine === undefined ? undefined : Number(expiryOf(this.mine));
  }

  /** Lets a standby in at once instead of after the TTL. A lease already lost is left as it is. */
  async release(): Promise<void> {
    const mine = this.mine;
    this.mine = undefined;
    if (mine === undefined) return;
    try {
      await this.checkpoints.save(this.leaseId, (expiryOf(mine) + 1n) * 2n, mine);
    } catch (error) {
      if (!(error instanceof CheckpointConflictError)) throw error;
    }
  }

  private async write(expected: bigint | undefined): Promise<boolean> {
    const earliest = expected === undefined ? 0n : expiryOf(expected) + 1n;
    const wanted = BigInt(this.now() + this.ttlMs);
    const next = (wanted > earliest ? wanted : earliest) * 2n + 1n;
    try {
      await this.checkpoints.save(this.leaseId, next, expected);
      this.mine = next;
      return true;
    } catch (error) {
      if (!(error instanceof CheckpointConflictError)) throw error;
      this.mine = undefined;
      return false;
    }
  }
}

function expiryOf(value: bigint): bigint {
  return value / 2n;
}

function isHeld(value: bigint): boolean {
  return value % 2n === 1n;
}
