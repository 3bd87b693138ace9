import type { TimeSheetResponse } from '@presales/contracts';
import { quantityValue } from '../forms/decimal-text';
import type { ChainPart } from '../workspace/customer-exchange';

/** One row of the grid: an opportunity (or none) and a category, as recorded or added on screen. */
export interface SheetRow {
  readonly opportunityId: string | null;
  readonly category: string;
  /** What is recorded, Monday to Sunday. */
  readonly recorded: readonly number[];
  /** What the cells hold now, as typed. */
  readonly cells: string[];
}

export type CellProblem = 'quantity' | 'decrease' | 'dayOver24' | 'required';

/** The rows of a recorded week, each cell showing what is recorded ('' for nothing). */
export function sheetRows(sheet: TimeSheetResponse): SheetRow[] {
  return sheet.rows.map((row) => ({
    opportunityId: row.opportunityId,
    category: row.category,
    recorded: row.hours,
    cells: row.hours.map((hours) => (hours === 0 ? '' : String(hours))),
  }));
}

const hundredths = (hours: number) => Math.round(hours * 100);

/**
 * A 64-bit FNV-1a of the text, in hex: a cell's change names the same entry on every retry and
 * fits the domain's 64-character ids whatever the opportunity's id is.
 */
export function stableHash(text: string): string {
  let hash = 0xcbf29ce484222325n;
  for (const byte of new TextEncoder().encode(text)) {
    hash ^= BigInt(byte);
    hash = (hash * 0x100000001b3n) & 0xffffffffffffffffn;
  }
  return hash.toString(16).padStart(16, '0');
}

/**
 * The LogTime commands for the cells changed on screen: one per cell, for the hours added to what
 * is recorded (the domain records time, it does not correct it: a lowered cell is a problem). The
 * entry's id and Idempotency-Key derive from the cell and the change (from what, to what), so
 * saving the same grid again records nothing twice.
 */
export function timeSheetParts(
  consultantId: string,
  days: readonly string[],
  rows: readonly SheetRow[],
): { parts: ChainPart[]; problems: Record<string, CellProblem> } {
  const parts: ChainPart[] = [];
  const problems: Record<string, CellProblem> = {};
  const dayTotals = days.map(() => 0);
  rows.forEach((row, r) => {
    if (row.category === '') problems[`${r}.category`] = 'required';
    row.cells.forEach((text, d) => {
      const typed = text.trim();
      const was = hundredths(row.recorded[d] ?? 0);
      const value = typed === '' ? 0 : quantityValue(typed);
      if (value === undefined) {
        problems[`${r}.${d}`] = 'quantity';
        return;
      }
      const now = hundredths(value);
      dayTotals[d]! += now;
      if (now < was) problems[`${r}.${d}`] = 'decrease';
      if (now <= was || row.category === '') return;
      const date = days[d]!;
      const cell = [consultantId, date, row.category, row.opportunityId ?? '', was, now].join('|');
      const entryId = `ts-${date.replaceAll('-', '')}-${stableHash(cell)}`;
      parts.push({
        key: `ts.${consultantId}.${entryId}`,
        name: 'timeCell',
        command: 'LogTime',
        payload: {
          consultantId,
          entryId,
          date,
          hours: (now - was) / 100,
          category: row.category,
          ...(row.opportunityId === null ? {} : { opportunityId: row.opportunityId }),
        },
        label: { hours: String((now - was) / 100), date, row: row.opportunityId ?? row.category },
      });
    });
  });
  dayTotals.forEach((total, d) => {
    if (total > 2400) rows.forEach((_, r) => (problems[`${r}.${d}`] ??= 'dayOver24'));
  });
  return { parts, problems };
}

/** Monday of the week holding `date` (YYYY-MM-DD, UTC), and the weeks before and after it. */
export function weekOf(date: string): { monday: string; previous: string; next: string } {
  const day = Date.parse(`${date}T00:00:00Z`);
  const monday = day - ((new Date(day).getUTCDay() + 6) % 7) * 86_400_000;
  const iso = (ms: number) => new Date(ms).toISOString().slice(0, 10);
  return { monday: iso(monday), previous: iso(monday - 7 * 86_400_000), next: iso(monday + 7 * 86_400_000) };
}

/** Where an arrow key moves in the grid (rows × 7 days); other keys move nothing. */
export function moveInGrid(
  at: { row: number; day: number },
  key: string,
  rowCount: number,
): { row: number; day: number } {
  const clamp = (value: number, max: number) => Math.max(0, Math.min(max, value));
  if (key === 'ArrowUp') return { row: clamp(at.row - 1, rowCount - 1), day: at.day };
  if (key === 'ArrowDown') return { row: clamp(at.row + 1, rowCount - 1), day: at.day };
  if (key === 'ArrowLeft') return { row: at.row, day: clamp(at.day - 1, 6) };
  if (key === 'ArrowRight') return { row: at.row, day: clamp(at.day + 1, 6) };
  return at;
}
