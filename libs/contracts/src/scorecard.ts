import type { Answer } from './answer-type.js';
import type * as answers from './answers/kpis.js';

/** One KPI of a scorecard: Plan, Do, Check, Act for one period and scope. */
export type ScorecardLine = Answer<typeof answers.ScorecardLine>;
/** Check's judgement of a KPI against its target (KPIS.md); `context`: a KPI that is never judged. */
export type RagStatus = ScorecardLine['check']['status'];
/** Check's trend against the previous period. */
export type KpiTrend = ScorecardLine['check']['trend'];
/** GET /api/kpis/scorecard */
export type ScorecardResponse = Answer<typeof answers.ScorecardResponse>;
/** GET /api/kpis/:id/trend */
export type TrendResponse = Answer<typeof answers.TrendResponse>;
/** One period of a trend, traced as a scorecard's value is: its SQL and its units. */
export type TrendPoint = Answer<typeof answers.TrendPoint>;
/** GET /api/kpis/:id/units */
export type KpiUnitsResponse = Answer<typeof answers.KpiUnitsResponse>;
/** GET /api/kpis: the catalog */
export type KpiCatalogEntry = Answer<typeof answers.KpiCatalogEntry>;
/** POST /api/kpis/:id/versions */
export type PublishKpiVersionResponse = Answer<typeof answers.PublishKpiVersionResponse>;
/** GET /api/kpis/catalog-changes: a KPI whose definition in this release's catalog differs from the version in force */
export type KpiCatalogChange = Answer<typeof answers.KpiCatalogChange>;
/** POST /api/kpis/catalog-changes: the catalog's definitions published as new versions */
export type PublishCatalogChangesResponse = Answer<typeof answers.PublishCatalogChangesResponse>;
