import type { Provider } from '@nestjs/common';
import { DemoClock, generateDemo, loadDemo, SCALE_EVENTS } from '@presales/demo';
import type { EventStore } from '@presales/event-store';
import { EsdbEventStore } from '@presales/event-store-esdb';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { ConfigError, type AppConfig } from '@presales/platform-config';
import { APP_CONFIG, EVENT_STORE } from '../infrastructure/tokens.js';

export const DEMO_SEEDED = Symbol('DemoSeeded');

/** The seed of the history `npm start` loads: fixed, so every fresh start shows the same demo. */
const DEMO_SEED = 1;

/** The demo's history spans the 24 months up to the start of the current month. */
const DEMO_MONTHS = 24;

/**
 * The first day of the month DEMO_MONTHS before today's month, so a fresh platform's default
 * scorecard (the previous quarter) and maturity window (the last two quarters) show the demo.
 */
export function demoStartDate(today: Date): string {
  const start = new Date(Date.UTC(today.getUTCFullYear(), today.getUTCMonth() - DEMO_MONTHS, 1));
  return start.toISOString().slice(0, 10);
}

/** `DEMO_DATA`: `on` (default) loads the small demo into an empty store on start-up; `off` never does. */
export function demoDataEnabled(env: NodeJS.ProcessEnv): boolean {
  const value = env['DEMO_DATA']?.trim().toLowerCase() ?? '';
  if (value === '' || value === 'on') return true;
  if (value === 'off') return false;
  throw new ConfigError('DEMO_DATA', env['DEMO_DATA']!, 'must be on or off');
}

/**
 * Loads the small demo history into an EMPTY event store on first start, and never into one that
 * has events. A factory provider, so it runs while the app is being built: before any
 * onApplicationBootstrap hook, hence before the projector starts (which then catches up). The
 * events go through a second connection whose clock is driven from the generated times
 * (metadata.demo marks them), so time travel over the demo shows the history as it unfolded.
 */
export const demoSeederProvider: Provider = {
  provide: DEMO_SEEDED,
  inject: [APP_CONFIG, EVENT_STORE],
  useFactory: async (config: AppConfig, eventStore: EventStore): Promise<number> => {
    if (!demoDataEnabled(process.env)) return 0;
    const { headPosition } = await eventStore.health();
    if (headPosition > 0n) return 0;
    const log = (message: string) => console.log(`[demo] ${message}`);
    log(
      `the event store is empty: loading the demo history (seed ${DEMO_SEED}, about ${SCALE_EVENTS.small.toLocaleString('en-US')} events; DEMO_DATA=off to skip)`,
    );
    const started = Date.now();
    const clock = new DemoClock();
    const writer = await openDemoWriter(config, clock);
    try {
      const startDate = demoStartDate(new Date());
      const history = generateDemo({ seed: DEMO_SEED, scale: 'small', startDate, months: DEMO_MONTHS });
      const { events } = await loadDemo(history, writer, clock, ({ events: done }) =>
        log(`  ${done.toLocaleString('en-US')} events`),
      );
      log(`loaded ${events.toLocaleString('en-US')} demo events in ${((Date.now() - started) / 1000).toFixed(1)} s`);
      return events;
    } finally {
      await writer.close();
    }
  },
};

/** A connection to the same store with the demo clock; SQLite at `normal` durability (the load can be redone). */
async function openDemoWriter(config: AppConfig, clock: DemoClock): Promise<EventStore> {
  return config.eventStore.kind === 'sqlite'
    ? SqliteEventStore.open({ file: config.eventStore.file, durability: 'normal', clock: clock.read })
    : EsdbEventStore.connect({ url: config.eventStore.url, clock: clock.read, connectDeadlineMs: 5000 });
}
