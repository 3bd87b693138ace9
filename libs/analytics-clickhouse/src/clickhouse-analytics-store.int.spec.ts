import { describeAnalyticsStoreContract } from '@presales/analytics/testing';
import { clickHouseSkipReason, startClickHouseServer } from '@presales/clickhouse-harness';
import { ClickHouseAnalyticsStore } from './clickhouse-analytics-store.js';

const skip = clickHouseSkipReason();

describeAnalyticsStoreContract(
  'clickhouse-server',
  skip !== undefined
    ? { skip }
    : {
        open: async () => {
          const server = await startClickHouseServer();
          return {
            openDatabase: (database) => ClickHouseAnalyticsStore.open({ url: server.url, database }),
            cleanup: () => server.stop(),
          };
        },
      },
);
