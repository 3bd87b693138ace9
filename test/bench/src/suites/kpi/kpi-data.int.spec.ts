import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';
import {
  dropTableStatements,
  EVENTS_TABLE,
  FACT_TABLES,
  MIGRATIONS_TABLE,
  PROJECTED_TABLES,
  rebuildReadModels,
  tableChecksum,
} from '@presales/analytics';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { loadKpiData } from './kpi-data.js';

const dir = mkdtempSync(join(tmpdir(), 'presales-kpi-data-'));
afterAll(() => rmSync(dir, { recursive: true, force: true }));

describe('the KPI benchmark data', () => {
  it('equals, table by table, loading the same history into the store and rebuilding the read models', async () => {
    const demo = { seed: 5, scale: 12_000 } as const;
    const clock = new DemoClock();
    const eventStore = SqliteEventStore.open({
      file: join(dir, 'events.sqlite'),
      durability: 'normal',
      clock: clock.read,
    });
    const analytics = await ChdbAnalyticsStore.open({ path: join(dir, 'clickhouse') });
    try {
      await loadDemo(generateDemo(demo), eventStore, clock);
      await rebuildReadModels(eventStore, analytics);
      const tables = [EVENTS_TABLE, ...FACT_TABLES.map((fact) => fact.table)];
      const rebuilt = await Promise.all(tables.map((table) => tableChecksum(analytics, table)));

      for (const table of PROJECTED_TABLES)
        for (const statement of dropTableStatements(table, { capabilities: analytics.capabilities }))
          await analytics.command(statement);
      await analytics.command(`DROP TABLE ${MIGRATIONS_TABLE}`);
      const loaded = await loadKpiData(generateDemo(demo), { analytics });
      const direct = await Promise.all(tables.map((table) => tableChecksum(analytics, table)));

      expect(loaded).toBe(rebuilt.find((t) => t.table === EVENTS_TABLE.name)!.rows);
      expect(rebuilt.filter((t) => t.rows > 0).length).toBeGreaterThan(40);
      expect(direct).toEqual(rebuilt);
    } finally {
      await analytics.close();
      await eventStore.close();
    }
  }, 120_000);
});
