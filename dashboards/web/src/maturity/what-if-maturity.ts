import type { KpiCatalogEntry, MaturityResponse, ScorecardResponse } from '@presales/contracts';
import {
  areaMaturity,
  kpiPracticeEvidence,
  type KpiPracticeCard,
  type PracticeEvidence,
  type ProcessArea,
} from '@presales/kpi';
import { whatIf, type WhatIfEdits } from '../scorecard/scorecard-model';

export interface WhatIfAreaLevel {
  readonly area: ProcessArea;
  /** The API's level. */
  readonly before: number;
  /** The level with the edits, judged in the browser by libs/kpi's rules. */
  readonly after: number;
  readonly changed: boolean;
}

/**
 * A window's scorecard with the what-if edits, as levels 4 and 5 read it (issue 18): the
 * statuses, attainments and weights whatIf recomputes, and a target set here counted as set
 * (a KpiTargetSet once saved). Actuals and corrective actions are the scorecard's.
 */
export function editedCard(
  card: ScorecardResponse,
  catalog: readonly KpiCatalogEntry[],
  edits: WhatIfEdits,
): KpiPracticeCard {
  const { lines } = whatIf(card, catalog, edits);
  return {
    period: card.period,
    lines: card.lines.map((line, i) => {
      const edited = lines[i]!;
      const targetEdited = line.kpiId in edits.targets;
      return {
        ...line,
        weight: edited.weight,
        plan: { source: !targetEdited ? line.plan.source : edited.target === null ? 'none' : 'target_set' },
        check: { status: edited.status, attainment: edited.attainment },
      };
    }),
  };
}

/**
 * Every area's maturity level with the edits to one period's targets and weights: levels 2 and 3
 * are the API's evidence (records do not change with a target), levels 4 and 5 are judged again
 * from the window's org scorecards, the edited period's with the edits, by libs/kpi's own
 * kpiPracticeEvidence and areaMaturity — the functions the API judges with.
 */
export function whatIfMaturity(
  maturity: MaturityResponse,
  windowCards: readonly ScorecardResponse[],
  catalog: readonly KpiCatalogEntry[],
  edited: { readonly period: string; readonly edits: WhatIfEdits },
): WhatIfAreaLevel[] {
  const cards = windowCards.map((card): KpiPracticeCard =>
    card.period === edited.period ? editedCard(card, catalog, edited.edits) : card,
  );
  return maturity.areas.map((answer) => {
    const area = answer.area as ProcessArea;
    const recorded = answer.levels
      .filter((level) => level.level === 2 || level.level === 3)
      .flatMap((level) => level.practices.map(asEvidence));
    const after = areaMaturity(area, [...recorded, ...kpiPracticeEvidence(area, cards, maturity.threshold)]).level;
    return { area, before: answer.level, after, changed: after !== answer.level };
  });
}

/** A practice as the API judged it, back to the evidence areaMaturity judges (its threshold resolved). */
function asEvidence(
  practice: MaturityResponse['areas'][number]['levels'][number]['practices'][number],
): PracticeEvidence {
  return {
    id: practice.id,
    level: practice.level as PracticeEvidence['level'],
    description: practice.description,
    meaning: practice.meaning,
    unitsOfWork: practice.unitsOfWork,
    threshold: practice.threshold,
    whenNoUnits: practice.whenNoUnits,
    evidence: practice.evidence,
    units: practice.units,
    failingUnitIds: practice.failingUnitIds,
  };
}

/** Whether targets of this period and scope move maturity: the org's, in a quarter of the window. */
export function movesMaturity(
  maturity: MaturityResponse,
  state: { readonly period: string; readonly scope: string; readonly projectType?: string | null },
): boolean {
  return state.scope === 'org' && !state.projectType && maturity.window.quarters.includes(state.period);
}
