import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { rebuildReadModels, type FxRates } from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import { SqliteEventStore } from '@presales/event-store-sqlite';

/**
 * Rates for the demo's currencies, as the compare specs have always used them (config/fx-rates.json
 * has more currencies and EUR at 7.70): both sides of a comparison use the same ones.
 */
export const DEMO_FX: FxRates = { reportingCurrency: 'CNY', rates: { CNY: '1', USD: '7.1', EUR: '7.8' } };

export interface DemoOnChdb {
  readonly clock: DemoClock;
  readonly events: SqliteEventStore;
  readonly store: ChdbAnalyticsStore;
}

/**
 * The demo history (seed 1) recorded in a SQLite event store and projected into chDB, in a
 * folder of its own for `work` (the compare specs' common start); both stores closed and the
 * folder removed after, also when `work` fails. `database` names chDB's database, for a policy
 * of the SQL gate that names it.
 */
export async function withDemoOnChdb<T>(
  purpose: string,
  database: string | undefined,
  work: (demo: DemoOnChdb) => Promise<T>,
): Promise<T> {
  const dir = mkdtempSync(join(tmpdir(), `presales-${purpose}-`));
  const clock = new DemoClock();
  let events: SqliteEventStore | undefined;
  let store: ChdbAnalyticsStore | undefined;
  try {
    events = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), durability: 'normal', clock: clock.read });
    store = await ChdbAnalyticsStore.open({
      path: join(dir, 'clickhouse'),
      ...(database === undefined ? {} : { database }),
    });
    await loadDemo(generateDemo({ seed: 1, scale: 'small' }), events, clock);
    await rebuildReadModels(events, store);
    return await work({ clock, events, store });
  } finally {
    await store?.close();
    await events?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}
