import { join } from 'node:path';
import { rebuildReadModels, type AnalyticsStore } from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { ClickHouseAnalyticsStore } from '@presales/analytics-clickhouse';
import { clickHouseSkipReason, startClickHouseServer, type RunningClickHouse } from '@presales/clickhouse-harness';
import { afterAll, beforeAll, describe, it } from 'vitest';
import {
  compareWithOracle,
  expectAgreement,
  ORACLE_SEEDS,
  oracleHistory,
  type OracleHistory,
} from './kpi-oracle-comparison.js';

/** The KPI oracle (kpi-oracle-comparison.ts) on chDB and on ClickHouse 18.16. */
const serverSkip = clickHouseSkipReason('KPI SQL = KPI oracle on clickhouse-server');
const ENGINES = [
  { name: 'chdb', skip: undefined as string | undefined },
  { name: 'clickhouse-server', skip: serverSkip },
];

for (const seed of ORACLE_SEEDS) {
  describe(`KPI SQL = KPI oracle, seed ${seed}`, () => {
    let history: OracleHistory | undefined;
    let server: RunningClickHouse | undefined;
    const stores: AnalyticsStore[] = [];

    beforeAll(async () => {
      history = await oracleHistory(seed, 'presales-oracle');
      if (serverSkip === undefined) server = await startClickHouseServer();
    }, 300_000);
    afterAll(async () => {
      for (const store of stores) await store.close();
      await history?.remove();
      await server?.stop();
    });

    for (const engine of ENGINES) {
      it.skipIf(engine.skip !== undefined)(
        `agrees on every KPI, period, scope and asOf on ${engine.name}`,
        async () => {
          const { dir, eventStore, events } = history!;
          const store =
            engine.name === 'chdb'
              ? await ChdbAnalyticsStore.open({ path: join(dir, 'clickhouse'), database: `oracle_${seed}` })
              : await ClickHouseAnalyticsStore.open({ url: server!.url, database: `oracle_${seed}` });
          stores.push(store);
          await rebuildReadModels(eventStore, store);
          expectAgreement(await compareWithOracle(events, { SQL: store }));
        },
        600_000,
      );
    }
  });
}
