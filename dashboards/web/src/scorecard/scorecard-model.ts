import type { KpiCatalogEntry, ScorecardLine, ScorecardResponse } from '@presales/contracts';
import {
  attainment,
  composite,
  DEFAULT_TOLERANCE,
  ragStatus,
  signedVariance,
  type CompositeResult,
  type Direction,
  type RagStatus,
} from '@presales/kpi';

const STATUS_ORDER: Readonly<Record<ScorecardLine['check']['status'], number>> = {
  red: 0,
  amber: 1,
  green: 2,
  no_data: 3,
  context: 4,
};

/** Red first, then amber, green, no data, context; within a status the heaviest KPI first. */
export function redFirst<
  T extends Pick<ScorecardLine, 'weight'> & { readonly check: { readonly status: ScorecardLine['check']['status'] } },
>(lines: readonly T[]): T[] {
  return [...lines].sort((a, b) => STATUS_ORDER[a.check.status] - STATUS_ORDER[b.check.status] || b.weight - a.weight);
}

export function statusCounts(lines: readonly ScorecardLine[]): Record<ScorecardLine['check']['status'], number> {
  const counts = { green: 0, amber: 0, red: 0, no_data: 0, context: 0 };
  for (const line of lines) counts[line.check.status] += 1;
  return counts;
}

/** What the manager changed: targets (null = no target) and weights, by KPI. */
export interface WhatIfEdits {
  readonly targets: Readonly<Record<string, number | null>>;
  readonly weights: Readonly<Record<string, number>>;
}

export interface WhatIfLine {
  readonly kpiId: string;
  readonly target: number | null;
  readonly weight: number;
  readonly variance: number | null;
  readonly status: RagStatus;
  readonly attainment: number | null;
  /** Status differs from the scorecard's. */
  readonly changed: boolean;
}

/**
 * The scorecard recomputed in the browser with libs/kpi's own rules (variance, RAG, attainment,
 * the no-short-board composite), as the API computes it: a context KPI, a KPI the project type
 * does not count, and one computed from no units stay out of the composite.
 */
export function whatIf(
  card: ScorecardResponse,
  catalog: readonly KpiCatalogEntry[],
  edits: WhatIfEdits,
): { lines: WhatIfLine[]; composite: CompositeResult } {
  const definitions = new Map(catalog.map((d) => [d.id, d]));
  const lines = card.lines.map((line): WhatIfLine => {
    const definition = definitions.get(line.kpiId);
    const direction: Direction = line.direction;
    // `in`, not Object.hasOwn: a Vue reactive object tracks `in`, so a new edit recomputes.
    const target = line.kpiId in edits.targets ? edits.targets[line.kpiId]! : line.plan.target;
    const weight = edits.weights[line.kpiId] ?? line.weight;
    const variance = signedVariance(line.do.actual, target, direction);
    const status = ragStatus(variance, direction, definition?.tolerance ?? DEFAULT_TOLERANCE);
    return {
      kpiId: line.kpiId,
      target,
      weight,
      variance,
      status,
      attainment: attainment(line.do.actual, target, direction),
      changed: status !== line.check.status,
    };
  });
  const counts = (line: ScorecardLine) =>
    line.direction !== 'context' &&
    line.do.units !== 0 &&
    (card.projectType === null ||
      definitions.get(line.kpiId)?.projectTypeOverrides[card.projectType]?.counts !== false);
  const result = composite(
    lines.map((l, i) => ({
      kpiId: l.kpiId,
      weight: l.weight,
      attainment: counts(card.lines[i]!) ? l.attainment : null,
    })),
  );
  return { lines, composite: result };
}

/** A KPI number's drill-down inside the app: the API's units link, as the app's units route. */
export function unitsRoute(unitsHref: string): {
  name: 'units';
  params: { kpiId: string };
  query: Record<string, string>;
} {
  const url = new URL(unitsHref, 'http://app.invalid');
  const kpiId = decodeURIComponent(url.pathname.split('/')[3] ?? '');
  return { name: 'units', params: { kpiId }, query: Object.fromEntries(url.searchParams) };
}
