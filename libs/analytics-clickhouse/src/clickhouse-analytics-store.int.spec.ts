import { describeAnalyticsStoreContract } from '@presales/analytics/testing';
import { clickHouseAvailability, startClickHouseServer } from '@presales/clickhouse-harness';
import { ClickHouseAnalyticsStore } from './clickhouse-analytics-store.js';

const availability = clickHouseAvailability();

describeAnalyticsStoreContract(
  'clickhouse-server',
  !availability.available
    ? { engine: 'clickhouse', skip: availability.reason }
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
