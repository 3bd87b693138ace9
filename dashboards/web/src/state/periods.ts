import { formatPeriod, periodContaining, shiftPeriod } from '@presales/kpi';

/** The periods a manager picks from: the last 12 quarters and 24 months to `now`, newest first. */
export function periodChoices(now: Date): { quarters: string[]; months: string[] } {
  const quarter = periodContaining(now, 'quarter');
  const month = periodContaining(now, 'month');
  return {
    quarters: Array.from({ length: 12 }, (_, i) => formatPeriod(shiftPeriod(quarter, -i))),
    months: Array.from({ length: 24 }, (_, i) => formatPeriod(shiftPeriod(month, -i))),
  };
}
