/** Check's judgement of a KPI against its target (KPIS.md); `context`: a KPI that is never judged. */
export type RagStatus = 'green' | 'amber' | 'red' | 'no_data' | 'context';
/** Check's trend against the previous period. */
export type KpiTrend = 'improving' | 'worsening' | 'flat' | 'no_data';

/** One KPI of a scorecard: Plan, Do, Check, Act for one period and scope. */
export interface ScorecardLine {
  readonly kpiId: string;
  readonly version: number;
  readonly names: { readonly en: string; readonly zh: string };
  readonly area: string;
  readonly unit: string;
  readonly direction: 'up' | 'down' | 'target' | 'context';
  readonly weight: number;
  readonly plan: { readonly target: number | null; readonly source: 'target_set' | 'default' | 'project_type_override' | 'none' };
  readonly do: {
    /** null = no data. */
    readonly actual: number | null;
    readonly units: number;
    /** The SQL that produced the actual. */
    readonly sql: string;
    /** Where the contributing entities are listed. */
    readonly unitsHref: string;
    /** Why there is no actual when its SQL failed on this store (then actual is null, units 0); else null. */
    readonly error: string | null;
  };
  readonly check: {
    readonly variance: number | null;
    readonly status: RagStatus;
    readonly previousActual: number | null;
    readonly trend: KpiTrend;
    readonly attainment: number | null;
  };
  readonly act: { readonly open: number; readonly completed: number; readonly verifiedEffective: number; readonly verifiedIneffective: number; readonly actionIds: readonly string[] };
}

/** GET /api/kpis/scorecard */
export interface ScorecardResponse {
  readonly period: string;
  readonly scope: string;
  readonly asOf: string;
  readonly projectType: string | null;
  readonly reportingCurrency: string;
  readonly lines: readonly ScorecardLine[];
  readonly composite: {
    readonly score: number | null;
    readonly weightedAverage: number | null;
    readonly shortBoard: { readonly kpiId: string; readonly attainment: number } | null;
    readonly excluded: readonly string[];
  };
}

/** GET /api/kpis/:id/trend */
export interface TrendResponse {
  readonly kpiId: string;
  /** The definition's version every point was computed with. */
  readonly version: number;
  readonly grain: 'month' | 'quarter';
  readonly scope: string;
  readonly asOf: string;
  readonly points: readonly TrendPoint[];
}

/** One period of a trend, traced as a scorecard's value is: its SQL and its units. */
export interface TrendPoint {
  readonly period: string;
  readonly actual: number | null;
  readonly target: number | null;
  readonly status: RagStatus;
  readonly units: number;
  readonly sql: string;
  readonly unitsHref: string;
  /** Why there is no actual when its SQL failed on this store; else null. */
  readonly error: string | null;
}

/** GET /api/kpis/:id/units */
export interface KpiUnitsResponse {
  readonly kpiId: string;
  readonly period: string;
  readonly scope: string;
  readonly asOf: string;
  readonly projectType: string | null;
  /** The first `limit` units in id order. */
  readonly units: readonly { readonly unitId: string; readonly num: number; readonly den: number; readonly group: number }[];
  /** More units than `limit` count: the list shows the first of them. */
  readonly truncated: boolean;
  readonly sql: string;
}

/** GET /api/kpis: the catalog */
export interface KpiCatalogEntry {
  readonly id: string;
  readonly version: number;
  readonly names: { readonly en: string; readonly zh: string };
  readonly description: string;
  readonly unit: string;
  readonly direction: string;
  readonly area: string;
  readonly defaultTarget: number | null;
  readonly tolerance: { readonly green: number; readonly amber: number };
  readonly weight: number;
  readonly aggregate: string;
  readonly sql: string;
  /** Named parameters the SQL reads (`{{param:…}}`), e.g. SLA hours per request kind. */
  readonly parameters: Readonly<Record<string, Readonly<Record<string, number>>>>;
  /** Per project type: another weight or target, or not counted in the composite. */
  readonly projectTypeOverrides: Readonly<Record<string, { readonly weight?: number; readonly target?: number; readonly counts?: boolean }>>;
}

/** POST /api/kpis/:id/versions */
export interface PublishKpiVersionResponse {
  readonly kpiId: string;
  readonly version: number;
  readonly position: string;
}

/** GET /api/kpis/catalog-changes: a KPI whose definition in this release's catalog differs from the version in force */
export interface KpiCatalogChange {
  readonly kpiId: string;
  readonly versionInForce: number;
  /** The fields of the published definition that the catalog changes (`sql`, `defaultTarget`…). */
  readonly changed: readonly string[];
}

/** POST /api/kpis/catalog-changes: the catalog's definitions published as new versions */
export interface PublishCatalogChangesResponse {
  readonly published: readonly PublishKpiVersionResponse[];
  /** Whether the new versions were in the read models when the answer left (decision 0005). */
  readonly projected: boolean;
}
