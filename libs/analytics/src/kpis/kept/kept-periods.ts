import {
  periodBounds,
  periodsBetween,
  type Grain,
  type Period,
  type PeriodChange,
  type PeriodChanges,
} from '@presales/kpi';

const GRAINS: readonly Grain[] = ['month', 'quarter'];

/** Every month and quarter from the one holding the first business time to the one holding `now`. */
export function keptPeriods(firstBusinessTime: Date, now: Date): Period[] {
  if (firstBusinessTime.getTime() > now.getTime()) return [];
  return GRAINS.flatMap((grain) => periodsBetween(firstBusinessTime, now, grain));
}

/** The least value of each column over the rows a table gained, and how many it gained. */
export interface NewRows {
  readonly count: number;
  readonly least: ReadonlyMap<string, number>;
  /** The latest `recorded_at_ms` among them (0 for none). */
  readonly latestRecorded: number;
}

/** The columns a table's new rows are asked for, over every KPI's declaration. */
export function columnsOf(change: PeriodChange): readonly string[] {
  return change === 'every_period' ? [] : change.endingAfter;
}

/**
 * The periods of `periods` whose value new rows can change, by the KPI's declarations
 * (periodChangesOf): every period for a table that says so, else those ending after the least
 * declared column of the table's new rows.
 */
export function periodsChanged(
  periods: readonly Period[],
  tables: readonly string[],
  changes: PeriodChanges,
  newRows: ReadonlyMap<string, NewRows>,
): Period[] {
  let since = Number.POSITIVE_INFINITY;
  for (const table of tables) {
    const rows = newRows.get(table);
    if (rows === undefined || rows.count === 0) continue;
    const change = changes(table);
    if (change === 'every_period') return [...periods];
    for (const column of change.endingAfter) {
      const least = rows.least.get(column);
      // A column not asked for is no reason to keep a value: every period then.
      if (least === undefined) return [...periods];
      since = Math.min(since, least);
    }
  }
  return periods.filter((period) => periodBounds(period).end.getTime() > since);
}
