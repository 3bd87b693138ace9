import type { Projector } from './projector.js';
import type { ProjectorLease } from './projector-lease.js';

/** A quarter of the default TTL: a holder misses three renewals before its lease expires, and a standby looks this often. */
export const DEFAULT_LEASE_TICK_MS = 1500;

export type LeaseRole = 'active' | 'standby' | 'stopped';

export interface LeasedProjectorOptions {
  /** How often the active holder renews and a standby tries to take over. */
  readonly tickMs?: number;
  readonly log?: (message: string) => void;
}

/**
 * Runs a projector only while its lease is held (docs/decisions/0038): a standby tries to take the
 * lease every tick, the active holder renews it every tick and stops projecting the moment a
 * renewal finds another holder. The projector must be built with `mayWrite: () => lease.holds()`,
 * so even between ticks nothing is written past the lease's expiry.
 */
export class LeasedProjector {
  private role: LeaseRole = 'stopped';
  private timer: NodeJS.Timeout | undefined;
  private ticking: Promise<void> = Promise.resolve();
  private readonly tickMs: number;
  private readonly log: (message: string) => void;

  constructor(
    private readonly projector: Projector,
    private readonly lease: ProjectorLease,
    options: LeasedProjectorOptions = {},
  ) {
    this.tickMs = options.tickMs ?? DEFAULT_LEASE_TICK_MS;
    this.log = options.log ?? (() => undefined);
  }

  currentRole(): LeaseRole {
    return this.role;
  }

  async start(): Promise<void> {
    this.role = 'standby';
    this.log('standby: waiting for the projector lease');
    await this.tick();
    this.timer = setInterval(() => {
      this.ticking = this.ticking.then(() => this.tick());
    }, this.tickMs);
  }

  /** Stops projecting and releases the lease, so a standby takes over at its next tick. */
  async stop(): Promise<void> {
    clearInterval(this.timer);
    await this.ticking;
    if (this.role === 'active') await this.projector.stop();
    this.role = 'stopped';
    await this.lease.release();
  }

  private async tick(): Promise<void> {
    if (this.role === 'stopped') return;
    try {
      if (this.role === 'active') {
        if (await this.lease.renew()) return;
        this.role = 'standby';
        await this.projector.stop();
        this.log('standby: another projector holds the lease');
      } else if (await this.lease.acquire()) {
        this.role = 'active';
        this.projector.start();
        this.log(`active: holding the projector lease until ${new Date(this.lease.expiresAt()!).toISOString()}`);
      }
    } catch (error) {
      // The event store is unreachable: keep the role; the lease expires on its own if this lasts.
      this.log(`lease check failed: ${error instanceof Error ? error.message : String(error)}`);
    }
  }
}
