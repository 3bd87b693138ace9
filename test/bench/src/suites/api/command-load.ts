import autocannon from 'autocannon';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { throughput } from '../../measure.js';
import { tempDatabase } from '../event-store/temp-file.js';
import type { BenchPlatform } from './platform.js';

/** Seconds of load per run and concurrency: long enough for a steady p99 on a busy machine. */
const SECONDS = 8;

export interface LoadRun {
  readonly p50: number;
  readonly p99: number;
  readonly perSecond: number;
}

let opportunities = 0;

/** A RegisterOpportunity body with an id of its own: every request records a new opportunity. */
function registerOpportunity(): string {
  opportunities += 1;
  return JSON.stringify({
    opportunityId: `O-load-${process.pid}-${opportunities}`,
    name: 'Grid ERP',
    customer: 'State Grid',
    industry: 'utilities',
    region: 'East',
    productLines: ['erp'],
    projectType: 'project',
    estimatedValue: { amount: '1200000', currency: 'CNY' },
    salesOwnerId: 'sam',
  });
}

/** Whether an answer waits until the analytics tables have the event (the default), or not (`Prefer: wait=0`). */
export type ProjectionWait = 'waits' | 'no-wait';

export interface CommandLoadOptions {
  readonly connections: number;
  readonly wait: ProjectionWait;
  /** Requests per second from all connections together; unset, each sends its next once answered. */
  readonly rate?: number;
}

/**
 * POST /api/opportunities (RegisterOpportunity) from `connections` clients at once, each sending
 * its next request when the last is answered (or at a fixed overall rate), as autocannon does:
 * the command's whole path, sign-in by API token, validation, the append and, unless the client
 * prefers `wait=0`, the wait for the projection (read your writes).
 */
export async function commandLoad(platform: BenchPlatform, options: CommandLoadOptions): Promise<LoadRun> {
  const { connections, wait, rate } = options;
  const result = await autocannon({
    url: new URL('/api/opportunities', platform.url).href,
    connections,
    duration: SECONDS,
    ...(rate === undefined ? {} : { overallRate: rate }),
    method: 'POST',
    headers: {
      'content-type': 'application/json',
      authorization: `Bearer ${platform.adminToken}`,
      ...(wait === 'no-wait' ? { prefer: 'wait=0' } : {}),
    },
    requests: [{ setupRequest: (request) => ({ ...request, body: registerOpportunity() }) }],
  });
  const refused = result.non2xx + result.errors + result.timeouts;
  if (refused > 0)
    throw new Error(
      `command load at ${connections} (${wait}${rate === undefined ? '' : `, ${rate}/s`}): ${result.non2xx} answers were not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
    );
  return { p50: result.latency.p50, p99: result.latency.p99, perSecond: result['2xx'] / SECONDS };
}

/** The baseline: the same event appended through the event store's port by `concurrency` callers, no HTTP. */
export async function portAppendRate(concurrency: number): Promise<number> {
  const database = tempDatabase();
  const store = SqliteEventStore.open({ file: database.file, durability: 'full' });
  const perCaller = 400;
  try {
    return await throughput(concurrency * perCaller, () =>
      Promise.all(
        Array.from({ length: concurrency }, async (_, caller) => {
          for (let index = 0; index < perCaller; index += 1) {
            const body = JSON.parse(registerOpportunity()) as Record<string, unknown>;
            await store.appendToStream(
              `opportunity-${caller}-${index}`,
              [
                {
                  id: crypto.randomUUID(),
                  type: 'OpportunityRegistered',
                  data: body,
                  metadata: {
                    occurredAt: new Date().toISOString(),
                    actor: { id: 'admin', role: 'admin' },
                    schemaVersion: 1,
                  },
                },
              ],
              { expectedRevision: 'no_stream' },
            );
          }
        }),
      ),
    );
  } finally {
    await store.close();
    database.dispose();
  }
}
