import autocannon from 'autocannon';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { throughput } from '../../measure.js';
import { tempDatabase } from '../event-store/temp-file.js';
import { pacedLoad } from './paced-load.js';

/** Seconds of load per run and concurrency: long enough for a steady p99 on a busy machine. */
const SECONDS = 8;

/** Where the load goes: the platform (with its admin token) or the empty route beside it. */
export interface LoadTarget {
  readonly url: string;
  readonly adminToken?: string;
}

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
  /**
   * Requests per second from all connections together, sent at an even pace whatever the
   * answers do (an open loop, paced-load.ts); unset, each connection sends its next once
   * answered (a closed loop, autocannon).
   */
  readonly rate?: number;
}

/**
 * POST /api/opportunities (RegisterOpportunity), a new opportunity each time: the command's
 * whole path, sign-in by API token, validation, the append and, unless the client prefers
 * `wait=0`, the wait for the projection (read your writes).
 */
export async function commandLoad(target: LoadTarget, options: CommandLoadOptions): Promise<LoadRun> {
  const { connections, wait, rate } = options;
  const url = new URL('/api/opportunities', target.url);
  const headers = {
    'content-type': 'application/json',
    ...(target.adminToken === undefined ? {} : { authorization: `Bearer ${target.adminToken}` }),
    ...(wait === 'no-wait' ? { prefer: 'wait=0' } : {}),
  };
  const described = `command load at ${connections} (${wait}${rate === undefined ? '' : `, ${rate}/s`})`;
  if (rate !== undefined) {
    const paced = await pacedLoad({ url, headers, body: registerOpportunity, rate, seconds: SECONDS, connections });
    if (paced.refused > 0) throw new Error(`${described}: ${paced.refused} requests were not answered with a 2xx`);
    return { p50: paced.p50, p99: paced.p99, perSecond: paced.perSecond };
  }
  const result = await autocannon({
    url: url.href,
    connections,
    duration: SECONDS,
    method: 'POST',
    headers,
    requests: [{ setupRequest: (request) => ({ ...request, body: registerOpportunity() }) }],
  });
  const refused = result.non2xx + result.errors + result.timeouts;
  if (refused > 0)
    throw new Error(
      `${described}: ${result.non2xx} answers were not 2xx, ${result.errors} errors, ${result.timeouts} timeouts`,
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
