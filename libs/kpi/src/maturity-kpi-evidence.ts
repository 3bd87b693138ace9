import type { ScorecardLine, ScorecardResponse } from '@presales/contracts';
import { composite } from './composite.js';
import type { ProcessArea } from './definition.js';
import { kpiPracticeRules, type KpiPracticeKind } from './maturity-kpi-practices.js';
import { practiceEvidence, type PracticeEvidence } from './maturity.js';

/** What levels 4 and 5 read of a scorecard line. */
export type KpiPracticeLine = Pick<ScorecardLine, 'kpiId' | 'area' | 'direction' | 'weight'> & {
  readonly plan: Pick<ScorecardLine['plan'], 'source'>;
  readonly do: Pick<ScorecardLine['do'], 'actual' | 'units'>;
  readonly check: Pick<ScorecardLine['check'], 'status' | 'attainment'>;
  readonly act: Pick<ScorecardLine['act'], 'actionIds' | 'verifiedEffective' | 'verifiedIneffective'>;
};

/** What levels 4 and 5 read of a scorecard: its period and lines. */
export interface KpiPracticeCard {
  readonly period: ScorecardResponse['period'];
  readonly lines: readonly KpiPracticeLine[];
}

/**
 * Levels 4 and 5 of an area: targets, actuals, corrective actions and the composite, from the
 * window's scorecards (org scope, one per quarter, oldest first). The API judges the scorecards
 * it computed; the dashboard's what-if judges the same scorecards with a manager's edits
 * (issue 18), by this one function.
 */
export function kpiPracticeEvidence(
  area: ProcessArea,
  scorecards: readonly KpiPracticeCard[],
  threshold: number,
  failingShown = 50,
): PracticeEvidence[] {
  const linesOf = (card: KpiPracticeCard) =>
    card.lines.filter((line) => line.area === area && line.direction !== 'context');
  const kpiPeriods = scorecards.flatMap((card) => linesOf(card).map((line) => ({ period: card.period, line })));
  const label = ({ period, line }: { period: string; line: KpiPracticeLine }) => `${line.kpiId}@${period}`;
  const measured = kpiPeriods.filter(({ line }) => line.plan.source === 'target_set' && line.do.actual !== null);
  const reds = kpiPeriods.filter(({ line }) => line.check.status === 'red');
  const acted = reds.filter(({ line }) => line.act.actionIds.length > 0);
  const effective = kpiPeriods.reduce((sum, { line }) => sum + line.act.verifiedEffective, 0);
  const verified = kpiPeriods.reduce(
    (sum, { line }) => sum + line.act.verifiedEffective + line.act.verifiedIneffective,
    0,
  );
  const composites = scorecards.map(
    (card) =>
      composite(
        linesOf(card).map((line) => ({
          kpiId: line.kpiId,
          weight: line.weight,
          attainment: line.do.units === 0 ? null : line.check.attainment,
        })),
      ).score,
  );
  const [first, last] = [composites[0] ?? null, composites[composites.length - 1] ?? null];
  const improved = first !== null && last !== null && composites.length > 1 && last > first;
  const counted: Record<KpiPracticeKind, { evidence: number; units: number; failingUnitIds: readonly string[] }> = {
    kpis_targeted_and_measured: {
      evidence: measured.length,
      units: kpiPeriods.length,
      failingUnitIds: kpiPeriods
        .filter((kp) => !measured.includes(kp))
        .map(label)
        .slice(0, failingShown),
    },
    red_kpis_get_actions: {
      evidence: acted.length,
      units: reds.length,
      failingUnitIds: reds
        .filter((kp) => !acted.includes(kp))
        .map(label)
        .slice(0, failingShown),
    },
    actions_effective: { evidence: effective, units: verified, failingUnitIds: [] },
    composite_improved: {
      evidence: improved ? 1 : 0,
      units: 1,
      failingUnitIds: improved
        ? []
        : composites.length < 2
          ? ['a window of one quarter: improving needs two or more (window ≥ 2)']
          : [`composite ${first?.toFixed(3) ?? 'no data'} → ${last?.toFixed(3) ?? 'no data'}`],
    },
  };
  return kpiPracticeRules(area).map((rule) => practiceEvidence(rule, threshold, counted[rule.kind]));
}
