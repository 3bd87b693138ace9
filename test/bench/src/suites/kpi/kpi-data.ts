import type Database from 'better-sqlite3';
import { migrate, projectEvents, rememberQuoteCurrencies, type AnalyticsStore, type ProjectionContext } from '@presales/analytics';
import type { DemoEvent } from '@presales/demo';
import type { RecordedEvent } from '@presales/event-store';
import { recordDemo } from './recorded-demo.js';
import { loadSqliteFacts } from './sqlite-kpis.js';

export interface KpiDataTargets {
  readonly analytics: AnalyticsStore;
  /** The row-store alternative's copy of the fact tables; left out when only chDB is compared. */
  readonly sqlite?: Database.Database;
}

const PAGE = 50_000;

/**
 * Projects a generated history into the analytics tables (and the SQLite copy) page by page,
 * with the product's projection and insert, so memory stays flat at 10M events. The quote
 * currencies the projection looks up are remembered from the pages already seen: the history is
 * in time order, so a quote is drafted before it is revised.
 */
export async function loadKpiData(events: Iterable<DemoEvent>, targets: KpiDataTargets, onProgress?: (events: number) => void): Promise<number> {
  await migrate(targets.analytics);
  const quoteCurrencies = new Map<string, string>();
  const context: ProjectionContext = { quoteCurrency: (quoteId) => quoteCurrencies.get(quoteId) };
  let page: RecordedEvent[] = [];
  let count = 0;
  const flush = async () => {
    rememberQuoteCurrencies(page, quoteCurrencies);
    const rows = projectEvents(page, context);
    for (const [table, tableRows] of rows) if (tableRows.length > 0) await targets.analytics.insert(table, tableRows);
    if (targets.sqlite !== undefined) loadSqliteFacts(targets.sqlite, rows);
    count += page.length;
    page = [];
    onProgress?.(count);
  };
  for (const event of recordDemo(events)) {
    page.push(event);
    if (page.length === PAGE) await flush();
  }
  await flush();
  return count;
}
