import { parsePeriod, periodBounds, shiftPeriod } from '@presales/kpi';

/** A sparkline's span: the selected period and the five before it, at its grain (one trend request). */
export function sparklineRange(period: string): { from: string; to: string; grain: 'month' | 'quarter' } {
  const current = parsePeriod(period);
  const first = shiftPeriod(current, -5);
  // The trend's `to` is inclusive of the period it falls in: stop a millisecond before the next.
  return {
    from: periodBounds(first).start.toISOString(),
    to: new Date(periodBounds(current).end.getTime() - 1).toISOString(),
    grain: current.grain,
  };
}
