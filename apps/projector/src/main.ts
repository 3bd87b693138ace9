import { LeasedProjector, Projector, ProjectorLease } from '@presales/analytics';
import {
  ConfigError,
  describeStores,
  openAnalyticsStore,
  openEventStore,
  parseConfig,
} from '@presales/platform-config';

/**
 * `presales projector`: the projector as its own process (docs/decisions/0038). It reads the same
 * variables as the API, projects only while it holds the projector lease in the event store, and
 * says on stdout which role it has (`active` or `standby`): its health, for a supervisor's log.
 */
async function main(): Promise<void> {
  const config = parseConfig(process.env);
  if (config.analytics.kind === 'chdb') {
    throw new ConfigError(
      'CLICKHOUSE_URL',
      '',
      'must name a ClickHouse server: embedded chDB is locked by the API, which projects into it itself',
    );
  }
  const eventStore = await openEventStore(config.eventStore);
  const analytics = await openAnalyticsStore(config.analytics);
  const lease = new ProjectorLease(eventStore.checkpoints);
  const log = (message: string) => console.log(`presales projector: ${message}`);
  const projector = new Projector(eventStore, analytics, {
    log,
    mayWrite: () => lease.holds(),
    // Every batch's checkpoint at once: the API (PROJECTOR=off) answers `projected` from it alone.
    checkpointIntervalMs: 0,
  });
  const leased = new LeasedProjector(projector, lease, { log });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      log(`${signal} received, releasing the lease`);
      leased
        .stop()
        .then(() => analytics.close())
        .then(() => eventStore.close())
        .then(
          () => process.exit(0),
          (error: unknown) => {
            console.error(
              `presales projector: unclean stop: ${error instanceof Error ? error.message : String(error)}`,
            );
            process.exit(1);
          },
        );
    });
  }
  await leased.start();
  log(`running (${describeStores(config)})`);
}

main().catch((error: unknown) => {
  if (error instanceof ConfigError) console.error(`presales projector: configuration error: ${error.message}`);
  else console.error(`presales projector: start-up failed: ${error instanceof Error ? error.message : String(error)}`);
  process.exit(error instanceof ConfigError ? 2 : 1);
});
