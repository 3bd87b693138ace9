import type { ScorecardLine, ScorecardResponse } from '@presales/contracts';
import { formatKpiValue, formatPeriod, formatStatus, formatTarget, periodContaining, previousPeriod } from '@presales/kpi';

export interface ScorecardRow {
  readonly kpi: string;
  readonly area: string;
  readonly target: string;
  readonly actual: string;
  readonly variance: string;
  readonly status: ScorecardLine['check']['status'];
  /** The status as it reads: "no data" for no_data. */
  readonly statusText: string;
  readonly trend: string;
  readonly actions: string;
  /** Where the units behind the actual are listed (the drill-down). */
  readonly unitsHref: string;
  /** Why the KPI has no actual when its SQL failed on the store; else null. */
  readonly error: string | null;
}

const TREND: Readonly<Record<ScorecardLine['check']['trend'], string>> = { improving: '↑ improving', worsening: '↓ worsening', flat: '→ flat', no_data: '' };

/** Pure view model of a scorecard, unit-tested without a browser. */
export function scorecardRows(card: ScorecardResponse): ScorecardRow[] {
  return card.lines.map((line) => ({
    kpi: `${line.names.en} · ${line.names.zh}`,
    area: line.area,
    target: formatTarget(line.plan.target, line.unit),
    actual: line.do.error === null ? formatKpiValue(line.do.actual, line.unit) : 'error',
    variance: line.check.variance === null ? '' : `${line.check.variance >= 0 ? '+' : ''}${(line.check.variance * 100).toFixed(1)} %`,
    status: line.check.status,
    statusText: formatStatus(line.check.status),
    trend: TREND[line.check.trend],
    actions: line.act.actionIds.length === 0 ? '' : `${line.act.open} open · ${line.act.completed} done · ${line.act.verifiedEffective} effective`,
    unitsHref: line.do.unitsHref,
    error: line.do.error,
  }));
}

export function compositeSummary(card: ScorecardResponse): string {
  const { score, shortBoard, excluded } = card.composite;
  if (score === null) return `${card.period}, ${card.scope}: no data yet for a composite score.`;
  const capped = shortBoard === null ? '' : ` — capped by the weakest KPI (无短板), ${shortBoard.kpiId} at ${(shortBoard.attainment * 100).toFixed(1)} %`;
  return `${card.period}, ${card.scope}: composite ${(score * 100).toFixed(1)} %${capped}; ${excluded.length} KPIs left out (no data, or not judged).`;
}

/** The previous complete quarter of a date: the default period a manager reviews. */
export function previousQuarter(now: Date): string {
  return formatPeriod(previousPeriod(periodContaining(now, 'quarter')));
}
