import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_TTL_MS, PROJECTOR_LEASE_ID, ProjectorLease } from '@presales/analytics';
import { SqliteEventStore } from '@presales/event-store-sqlite';

/** Two processes on one event store are two connections to its file: each holder opens its own. */
let dir: string;
let first: SqliteEventStore;
let second: SqliteEventStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'presales-lease-'));
  first = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), durability: 'normal' });
  second = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), durability: 'normal' });
});
afterEach(async () => {
  await first.close();
  await second.close();
  rmSync(dir, { recursive: true, force: true });
});

/** A clock each holder reads, moved by the test: expiry without waiting six seconds. */
function clockAt(start: number): { now: () => number; advance: (ms: number) => void } {
  let now = start;
  return { now: () => now, advance: (ms) => (now += ms) };
}

describe('the projector lease on the SQLite event store', () => {
  it('lets exactly one of two racing holders in, every time', async () => {
    for (let round = 0; round < 20; round += 1) {
      const leaseId = `lease:race-${round}`;
      const a = new ProjectorLease(first.checkpoints, { leaseId });
      const b = new ProjectorLease(second.checkpoints, { leaseId });
      const won = await Promise.all([a.acquire(), b.acquire()]);
      expect(won.filter(Boolean)).toHaveLength(1);
      expect([a.holds(), b.holds()]).toEqual(won);
    }
  });

  it('keeps a standby out while the holder renews, and lets it in once the lease expires', async () => {
    const clock = clockAt(Date.parse('2026-12-01T00:00:00Z'));
    const active = new ProjectorLease(first.checkpoints, { now: clock.now });
    const standby = new ProjectorLease(second.checkpoints, { now: clock.now });
    expect(await active.acquire()).toBe(true);
    for (let tick = 0; tick < 10; tick += 1) {
      clock.advance(DEFAULT_LEASE_TTL_MS - 1);
      expect(await active.renew()).toBe(true);
      expect(await standby.acquire()).toBe(false);
    }
    // The holder stops renewing (killed or paused): once its TTL has passed, the standby takes over.
    clock.advance(DEFAULT_LEASE_TTL_MS - 1);
    expect(await standby.acquire()).toBe(false);
    clock.advance(1);
    expect(active.holds()).toBe(false);
    expect(await standby.acquire()).toBe(true);
    expect(standby.holds()).toBe(true);
    // The old holder wakes up: its renewal finds the new holder's value, and it holds nothing.
    expect(await active.renew()).toBe(false);
    expect(active.holds()).toBe(false);
    expect(await active.acquire()).toBe(false);
  });

  it('lets a standby in at once when the holder releases on a clean stop', async () => {
    const active = new ProjectorLease(first.checkpoints);
    const standby = new ProjectorLease(second.checkpoints);
    expect(await active.acquire()).toBe(true);
    expect(await standby.acquire()).toBe(false);
    await active.release();
    expect(active.holds()).toBe(false);
    expect(await standby.acquire()).toBe(true);
    // A release by a holder that already lost the lease leaves the new holder's lease alone.
    await active.release();
    expect(await active.acquire()).toBe(false);
  });

  it('keeps one record and never writes an event: nothing reaches $all, the audit or the hash chain', async () => {
    const lease = new ProjectorLease(first.checkpoints);
    for (let renewal = 0; renewal < 50; renewal += 1) expect(await lease.acquire()).toBe(true);
    expect(await first.readAll()).toEqual([]);
    expect((await first.health()).headPosition).toBe(0n);
    expect(await second.checkpoints.load(PROJECTOR_LEASE_ID)).toBeGreaterThan(0n);
  });
});
