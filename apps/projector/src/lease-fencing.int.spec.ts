import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DEFAULT_LEASE_TTL_MS, migrate, Projector, ProjectorLease, type AnalyticsStore } from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { SqliteEventStore } from '@presales/event-store-sqlite';

let dir: string;
let events: SqliteEventStore;
let analytics: AnalyticsStore;
let projectors: Projector[] = [];
beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'presales-fencing-'));
  events = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), durability: 'normal' });
  analytics = await ChdbAnalyticsStore.open({ path: join(dir, 'analytics'), readSessions: 1 });
  await migrate(analytics);
});
afterEach(async () => {
  for (const projector of projectors) await projector.stop();
  projectors = [];
  await analytics.close();
  await events.close();
  rmSync(dir, { recursive: true, force: true });
});

const actor = { id: 'u1', role: 'consultant' } as const;

async function registerOpportunity(id: string): Promise<bigint> {
  const data = {
    opportunityId: id,
    name: 'ERP rollout',
    customer: 'City IT',
    industry: 'government',
    region: 'east',
    productLines: ['erp'],
    projectType: 'project',
    estimatedValue: { amount: '1000000', currency: 'CNY' },
    salesOwnerId: 's1',
  };
  const result = await events.appendToStream(`opportunity-${id}`, [
    {
      id: `opp-${id}`,
      type: 'OpportunityRegistered',
      data,
      metadata: { occurredAt: '2025-01-15T09:00:00Z', actor, schemaVersion: 1 },
    },
  ]);
  return result.position;
}

async function projectedRows(): Promise<{ rows: number; distinct: number }> {
  const [row] = await analytics.query<{ rows: number; distinct: number }>(
    'SELECT count() AS rows, uniqExact(event_id) AS distinct FROM events',
  );
  return { rows: Number(row!.rows), distinct: Number(row!.distinct) };
}

function leasedProjector(lease: ProjectorLease): Projector {
  const projector = new Projector(events, analytics, {
    mayWrite: () => lease.holds(),
    checkpointIntervalMs: 0,
    flushIntervalMs: 10,
  });
  projectors.push(projector);
  return projector;
}

describe('a projector under a lease', () => {
  it('writes nothing once its lease has expired, and the holder that took over projects the rest once', async () => {
    let now = Date.now();
    const clock = () => now;
    const first = new ProjectorLease(events.checkpoints, { now: clock });
    const second = new ProjectorLease(events.checkpoints, { now: clock });
    expect(await first.acquire()).toBe(true);
    const active = leasedProjector(first);
    active.start();
    expect(await active.waitForPosition(await registerOpportunity('O1'), 10_000)).toBe(true);
    expect(await projectedRows()).toEqual({ rows: 1, distinct: 1 });

    // The holder is paused past its TTL (no renewal): it must not write what arrives meanwhile.
    now += DEFAULT_LEASE_TTL_MS;
    const later = await registerOpportunity('O2');
    expect(await active.waitForPosition(later, 1000)).toBe(false);
    expect(await projectedRows()).toEqual({ rows: 1, distinct: 1 });

    // Another holder takes over; the paused one learns it lost the lease and is stopped.
    expect(await second.acquire()).toBe(true);
    expect(await first.renew()).toBe(false);
    await active.stop();
    const successor = leasedProjector(second);
    successor.start();
    expect(await successor.waitForPosition(later, 10_000)).toBe(true);
    expect(await projectedRows()).toEqual({ rows: 2, distinct: 2 });
  });
});
