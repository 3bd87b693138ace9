import { randomUUID } from 'node:crypto';
import { disputeScript, playScript } from '@presales/audit/testing';
import type { EventToAppend } from '@presales/event-store';
import { SqliteEventStore } from '@presales/event-store-sqlite';

/** A store whose clock the fixture moves, so recordedAt follows the scripted history. */
export function scriptedStore(file: string): { store: SqliteEventStore; setClock: (now: Date) => void } {
  let now = new Date(0);
  return {
    store: SqliteEventStore.open({ file, durability: 'normal', clock: () => now }),
    setClock: (time) => (now = time),
  };
}

/**
 * `count` bids, each the audit's dispute scenario (a tender, its opportunity, a quote, a war room
 * and two consultants: five linked streams) under key `b<i>`, all appended in store-time order.
 */
export async function recordBids(
  store: SqliteEventStore,
  setClock: (now: Date) => void,
  count: number,
): Promise<number> {
  const script = Array.from({ length: count }, (_, i) =>
    disputeScript({ key: `b${i}`, reviseQuoteAfterSubmission: i % 2 === 0 }),
  )
    .flat()
    .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  await playScript(store, setClock, script);
  return script.reduce((sum, step) => sum + step.events.length, 0);
}

const STAGES = ['lead', 'discovery', 'solution', 'bid', 'negotiation'] as const;

/**
 * One opportunity of `count` events, one a minute: registration, then stage changes. Their
 * evolve is constant-time, so the figure measures the audit (read, verify, fold) and not a
 * decider whose state grows with its stream.
 */
export async function recordLongOpportunity(
  store: SqliteEventStore,
  setClock: (now: Date) => void,
  opportunityId: string,
  count: number,
  start: Date,
): Promise<void> {
  const metadata = (i: number) => ({
    occurredAt: new Date(start.getTime() + i * 60_000).toISOString(),
    actor: { id: 'sales-1', role: 'sales' as const },
    schemaVersion: 1,
  });
  const events: EventToAppend[] = [
    {
      id: randomUUID(),
      type: 'OpportunityRegistered',
      data: {
        opportunityId,
        name: 'Long deal',
        customer: 'Acme',
        industry: 'manufacturing',
        region: 'east',
        productLines: ['erp'],
        projectType: 'project',
        estimatedValue: { amount: '1000', currency: 'CNY' },
        salesOwnerId: 'sales-1',
      },
      metadata: metadata(0),
    },
  ];
  for (let i = 1; i < count; i += 1)
    events.push({
      id: randomUUID(),
      type: 'OpportunityStageChanged',
      data: { from: STAGES[(i - 1) % 5]!, to: STAGES[i % 5]! },
      metadata: metadata(i),
    });
  // One append per minute of store time, as a stream grows in practice.
  for (const [i, event] of events.entries()) {
    setClock(new Date(start.getTime() + i * 60_000));
    await store.appendToStream(`opportunity-${opportunityId}`, [event]);
  }
}
