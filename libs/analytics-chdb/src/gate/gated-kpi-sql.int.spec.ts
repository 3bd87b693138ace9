import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { analyticsTablesPolicy, GatedQueryStore, migrate } from '@presales/analytics';
import { describeKpiSqlContract } from '@presales/analytics/testing';
import { afterAll } from 'vitest';
import { ChdbAnalyticsStore } from '../chdb-analytics-store.js';
import type { ChdbSqlParser } from './chdb-sql-parser.js';

// Every catalog KPI, trend, drill-down and maturity practice, read through the gate: the
// product's own SQL passes it (decision 0024).
const path = mkdtempSync(join(tmpdir(), 'presales-chdb-gated-kpis-'));
let store: ChdbAnalyticsStore | undefined;
let parser: ChdbSqlParser | undefined;
afterAll(async () => {
  parser?.close();
  await store?.close();
  rmSync(path, { recursive: true, force: true });
});

describeKpiSqlContract(async () => {
  store = await ChdbAnalyticsStore.open({ path, database: 'gated_kpis' });
  // Migrations read system tables: they are the platform's, run before the gate is in front.
  await migrate(store);
  parser = store.openSqlParser();
  return new GatedQueryStore(store, { parser, policy: analyticsTablesPolicy('gated_kpis') });
});
