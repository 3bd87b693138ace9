import type Database from 'better-sqlite3';
import {
  EarlierEventMemory,
  migrate,
  projectEvents,
  projectionContextOf,
  type AnalyticsStore,
} from '@presales/analytics';
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
 * with the product's projection and insert, so memory stays flat at 10M events. A page's inserts
 * run while the next page is generated (decision 0051). What rows copy
 * from earlier events of their stream (decision 0016) is remembered from the pages already seen,
 * with no bound: the history is in time order, so an activity is scheduled before it completes.
 */
export async function loadKpiData(
  events: Iterable<DemoEvent>,
  targets: KpiDataTargets,
  onProgress?: (events: number) => void,
): Promise<number> {
  await migrate(targets.analytics);
  const earlier = new EarlierEventMemory(Number.MAX_SAFE_INTEGER);
  let page: RecordedEvent[] = [];
  let count = 0;
  // The page sent last, still being inserted by chDB on its own thread while this one generates
  // and projects the next: the two cores work at once, and at most two pages of rows are held.
  let inserting: Promise<unknown> = Promise.resolve();
  const flush = async () => {
    const rows = projectEvents(page, projectionContextOf(page, earlier));
    await inserting;
    const inserts: Promise<void>[] = [];
    for (const [table, tableRows] of rows)
      if (tableRows.length > 0) inserts.push(targets.analytics.insert(table, tableRows));
    inserting = Promise.all(inserts);
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
  await inserting;
  return count;
}
