import { z } from 'zod';
import { EnZh, UtcTime } from './common.js';

/** GET /api/kpis/tenders-received */
export const TendersReceivedResponse = z.object({
  metric: z.literal('tenders_received'),
  grain: z.literal('month'),
  asOf: UtcTime.nullable().meta({ description: 'only events recorded at or before this time count; null = now' }),
  points: z.array(z.object({ period: z.string().meta({ examples: ['2026-03'] }), tenders: z.number() })),
  total: z.number(),
  trace: z
    .object({ sql: z.string(), events: z.string() })
    .meta({ description: 'how to trace every number back: the SQL that produced it and where the events are' }),
});

const SCORECARD_STATUSES = ['green', 'amber', 'red', 'no_data', 'context'] as const;

/** One KPI of a scorecard: Plan, Do, Check, Act for one period and scope. */
export const ScorecardLine = z.object({
  kpiId: z.string().meta({ examples: ['win_rate'] }),
  version: z.number(),
  names: EnZh,
  area: z.string(),
  unit: z.string(),
  direction: z.enum(['up', 'down', 'target', 'context']),
  weight: z.number(),
  plan: z.object({
    target: z.number().nullable(),
    source: z.enum(['target_set', 'default', 'project_type_override', 'none']),
  }),
  do: z.object({
    actual: z.number().nullable().meta({ description: 'null = no data' }),
    units: z.number(),
    sql: z.string().meta({ description: 'the SQL that produced the actual' }),
    unitsHref: z.string().meta({ description: 'where the contributing entities are listed' }),
    error: z.string().nullable().meta({
      description: 'why there is no actual when its SQL failed on this store (then actual is null, units 0); else null',
    }),
  }),
  check: z.object({
    variance: z.number().nullable(),
    status: z.enum(SCORECARD_STATUSES),
    previousActual: z.number().nullable(),
    trend: z.enum(['improving', 'worsening', 'flat', 'no_data']),
    attainment: z.number().nullable(),
  }),
  act: z.object({
    open: z.number(),
    completed: z.number(),
    verifiedEffective: z.number(),
    verifiedIneffective: z.number(),
    actionIds: z.array(z.string()),
  }),
});

/** GET /api/kpis/scorecard */
export const ScorecardResponse = z.object({
  period: z.string().meta({ examples: ['2026-Q1'] }),
  scope: z.string().meta({ examples: ['org', 'team:east'] }),
  asOf: UtcTime,
  projectType: z.string().nullable(),
  reportingCurrency: z.string().meta({ examples: ['CNY'] }),
  lines: z.array(ScorecardLine),
  composite: z.object({
    score: z.number().nullable(),
    weightedAverage: z.number().nullable(),
    shortBoard: z.object({ kpiId: z.string(), attainment: z.number() }).nullable(),
    excluded: z.array(z.string()),
  }),
});

/** One period of a trend, traced as a scorecard's value is: its SQL and its units. */
export const TrendPoint = z.object({
  period: z.string(),
  actual: z.number().nullable(),
  target: z.number().nullable(),
  status: z.enum(SCORECARD_STATUSES),
  units: z.number(),
  sql: z.string(),
  unitsHref: z.string(),
  error: z
    .string()
    .nullable()
    .meta({ description: 'why there is no actual when its SQL failed on this store; else null' }),
});

/** GET /api/kpis/:id/trend */
export const TrendResponse = z.object({
  kpiId: z.string(),
  version: z.number().meta({ description: "the definition's version every point was computed with" }),
  grain: z.enum(['month', 'quarter']),
  scope: z.string(),
  asOf: UtcTime,
  points: z.array(TrendPoint),
});

/** GET /api/kpis/:id/units */
export const KpiUnitsResponse = z.object({
  kpiId: z.string(),
  period: z.string(),
  scope: z.string(),
  asOf: UtcTime,
  projectType: z.string().nullable(),
  units: z
    .array(z.object({ unitId: z.string(), num: z.number(), den: z.number(), group: z.number() }))
    .meta({ description: 'the first `limit` units in id order' }),
  truncated: z.boolean().meta({ description: 'more units than `limit` count: the list shows the first of them' }),
  sql: z.string(),
});

/** GET /api/kpis: the catalog */
export const KpiCatalogEntry = z.object({
  id: z.string(),
  version: z.number(),
  names: EnZh,
  description: z.string(),
  unit: z.string(),
  direction: z.string(),
  area: z.string(),
  defaultTarget: z.number().nullable(),
  tolerance: z.object({ green: z.number(), amber: z.number() }),
  weight: z.number(),
  aggregate: z.string(),
  sql: z.string(),
  parameters: z
    .record(z.string(), z.record(z.string(), z.number()))
    .meta({ description: 'named parameters the SQL reads (`{{param:…}}`), e.g. SLA hours per request kind' }),
  projectTypeOverrides: z
    .record(
      z.string(),
      z.object({ weight: z.number().optional(), target: z.number().optional(), counts: z.boolean().optional() }),
    )
    .meta({ description: 'per project type: another weight or target, or not counted in the composite' }),
});
export const KpiCatalogResponse = z.array(KpiCatalogEntry);

/** POST /api/kpis/:id/versions */
export const PublishKpiVersionResponse = z.object({ kpiId: z.string(), version: z.number(), position: z.string() });

/** GET /api/kpis/catalog-changes: a KPI whose definition in this release's catalog differs from the version in force */
export const KpiCatalogChange = z.object({
  kpiId: z.string(),
  versionInForce: z.number(),
  changed: z
    .array(z.string())
    .meta({ description: 'the fields of the published definition that the catalog changes (`sql`, `defaultTarget`…)' }),
});
export const KpiCatalogChanges = z.array(KpiCatalogChange);

/** POST /api/kpis/catalog-changes: the catalog's definitions published as new versions */
export const PublishCatalogChangesResponse = z.object({
  published: z.array(PublishKpiVersionResponse),
  projected: z
    .boolean()
    .meta({ description: 'whether the new versions were in the read models when the answer left (decision 0005)' }),
});
