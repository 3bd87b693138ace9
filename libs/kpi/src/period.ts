/** A KPI period: a calendar month (`2026-03`) or quarter (`2026-Q1`), in UTC. */
export type Period =
  | { readonly grain: 'month'; readonly year: number; readonly month: number }
  | { readonly grain: 'quarter'; readonly year: number; readonly quarter: number };
export type Grain = Period['grain'];

export class PeriodFormatError extends Error {
  constructor(readonly text: string) {
    super(`period ${JSON.stringify(text)}: must be YYYY-MM (e.g. 2026-03) or YYYY-Qn (e.g. 2026-Q1), from 1970 on`);
    this.name = 'PeriodFormatError';
  }
}

/** Business times are epoch milliseconds from 1970 (the read models store them unsigned). */
const FIRST_YEAR = 1970;

export function parsePeriod(text: string): Period {
  const month = /^(\d{4})-(0[1-9]|1[0-2])$/.exec(text);
  if (month && Number(month[1]) >= FIRST_YEAR)
    return { grain: 'month', year: Number(month[1]), month: Number(month[2]) };
  const quarter = /^(\d{4})-Q([1-4])$/.exec(text);
  if (quarter && Number(quarter[1]) >= FIRST_YEAR)
    return { grain: 'quarter', year: Number(quarter[1]), quarter: Number(quarter[2]) };
  throw new PeriodFormatError(text);
}

export function formatPeriod(period: Period): string {
  return period.grain === 'month'
    ? `${period.year}-${String(period.month).padStart(2, '0')}`
    : `${period.year}-Q${period.quarter}`;
}

/** First month (1-12) of the period and how many months it spans. */
function months(period: Period): { first: number; count: number } {
  return period.grain === 'month'
    ? { first: period.month, count: 1 }
    : { first: (period.quarter - 1) * 3 + 1, count: 3 };
}

/** [start, end): the UTC instants the period covers. */
export function periodBounds(period: Period): { readonly start: Date; readonly end: Date } {
  const { first, count } = months(period);
  return {
    start: new Date(Date.UTC(period.year, first - 1, 1)),
    end: new Date(Date.UTC(period.year, first - 1 + count, 1)),
  };
}

export function periodContaining(instant: Date, grain: Grain): Period {
  const year = instant.getUTCFullYear();
  const month = instant.getUTCMonth() + 1;
  return grain === 'month' ? { grain, year, month } : { grain, year, quarter: Math.ceil(month / 3) };
}

export function previousPeriod(period: Period): Period {
  return shiftPeriod(period, -1);
}

export function shiftPeriod(period: Period, by: number): Period {
  if (period.grain === 'month') {
    const index = period.year * 12 + (period.month - 1) + by;
    return { grain: 'month', year: Math.floor(index / 12), month: (((index % 12) + 12) % 12) + 1 };
  }
  const index = period.year * 4 + (period.quarter - 1) + by;
  return { grain: 'quarter', year: Math.floor(index / 4), quarter: (((index % 4) + 4) % 4) + 1 };
}

/** How many periods of `grain` there are from the one containing `from` to the one containing `to`, inclusive. */
export function periodsSpanned(from: Date, to: Date, grain: Grain): number {
  const index = (instant: Date) =>
    grain === 'month'
      ? instant.getUTCFullYear() * 12 + instant.getUTCMonth()
      : instant.getUTCFullYear() * 4 + Math.floor(instant.getUTCMonth() / 3);
  return index(to) - index(from) + 1;
}

/** Every period of `grain` from the one containing `from` to the one containing `to`, inclusive. */
export function periodsBetween(from: Date, to: Date, grain: Grain): Period[] {
  const last = formatPeriod(periodContaining(to, grain));
  const periods: Period[] = [];
  for (let period = periodContaining(from, grain); periods.length <= 1200; period = shiftPeriod(period, 1)) {
    periods.push(period);
    if (formatPeriod(period) === last) return periods;
  }
  throw new RangeError('periodsBetween: more than 1200 periods; is `to` before `from`?');
}
