import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeAnalyticsStoreContract } from '@presales/analytics/testing';
import { ChdbAnalyticsStore } from './chdb-analytics-store.js';

describeAnalyticsStoreContract('chdb', {
  open: async () => {
    // One data folder per test file: chDB allows one per process at a time.
    const path = mkdtempSync(join(tmpdir(), 'presales-chdb-'));
    let current: ChdbAnalyticsStore | undefined;
    return {
      openDatabase: async (database) => {
        await current?.close();
        current = await ChdbAnalyticsStore.open({ path, database });
        return current;
      },
      cleanup: async () => {
        await current?.close();
        rmSync(path, { recursive: true, force: true });
      },
    };
  },
});
