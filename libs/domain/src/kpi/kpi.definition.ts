import { z } from 'zod';
import { PROCESS_AREAS, PROJECT_TYPES } from '../shared/vocabulary.js';
import { Decimal } from '../money/decimal.js';
import { DecimalString, LongText, NonEmptyText, NonNegativeDecimal, PercentDecimal } from '../shared/primitives.js';
import { KpiId } from './kpi.scope.js';

export const KPI_UNITS = ['ratio', 'percent', 'hours', 'days', 'count', 'money', 'score'] as const;
/**
 * up: higher is better; down: lower is better; target: best at the target, worse either side
 * (utilization); context: shown, never judged (bid_rate), so it has no target.
 */
export const KPI_DIRECTIONS = ['up', 'down', 'target', 'context'] as const;
/** How the value comes from the units its SQL lists: Σnum ÷ Σden, mean, median, sum, or a difference of two ratios. */
export const KPI_AGGREGATES = ['ratio', 'mean', 'median', 'sum', 'lift'] as const;

/** Per project type, a KPI may weigh differently, aim elsewhere, or not count at all. */
export const KpiProjectTypeOverride = z
  .strictObject({
    weight: NonNegativeDecimal.optional(),
    target: DecimalString.optional(),
    counts: z.boolean().optional(),
  })
  .meta({
    title: 'KpiProjectTypeOverride',
    description: '`{ weight?: NonNegativeDecimal, target?: Decimal, counts?: boolean }`',
  });

/** A KPI definition is data (KPIS.md, DESIGN.md decision 10): changing one is a new version. */
export const KpiDefinition = z
  .strictObject({
    id: KpiId,
    names: z.strictObject({ en: NonEmptyText, zh: NonEmptyText }),
    unit: z.enum(KPI_UNITS),
    direction: z.enum(KPI_DIRECTIONS),
    /** null exactly when the direction is context. */
    defaultTarget: DecimalString.nullable(),
    /** Status bands of the variance: green within greenPct, amber within amberPct, else red. */
    tolerance: z.strictObject({ greenPct: PercentDecimal, amberPct: PercentDecimal }),
    /** Weight in the composite score. */
    weight: NonNegativeDecimal,
    area: z.enum(PROCESS_AREAS),
    /** SQL over the analytics tables, a template rendered with escaped parameters by libs/analytics. */
    sql: LongText,
    aggregate: z.enum(KPI_AGGREGATES).default('ratio'),
    description: LongText.optional(),
    /** Named lookup tables of the definition, e.g. SLA hours per support-request kind. */
    parameters: z
      .record(
        z.string().regex(/^[A-Za-z][A-Za-z0-9_]{0,63}$/, 'must be a parameter name'),
        z.record(z.string().min(1).max(64), z.number()),
      )
      .default({}),
    projectTypeOverrides: z.partialRecord(z.enum(PROJECT_TYPES), KpiProjectTypeOverride).default({}),
  })
  .meta({
    title: 'KpiDefinition',
    description:
      'a versioned KPI definition (KPIS.md "KPIs are data"). Rules across fields, refused with 422 when it is published: `defaultTarget` is null exactly when `direction` is context, and no override gives a context KPI a target; `tolerance.greenPct` ≤ `tolerance.amberPct`',
  });

export type KpiDefinition = z.output<typeof KpiDefinition>;

/**
 * What a definition must hold across its fields (KPIS.md): each breach as "field: rule". Checked
 * where a definition is recorded (the KPI stream's rules, for commands and imports alike), a 422,
 * not in the shape: a JSON Schema cannot say it, so the published contract cannot promise it.
 */
export function kpiDefinitionBreaches(definition: KpiDefinition): string[] {
  const breaches: string[] = [];
  const isContext = definition.direction === 'context';
  if (isContext && definition.defaultTarget !== null)
    breaches.push('defaultTarget: must be null: a context KPI has no target');
  if (!isContext && definition.defaultTarget === null)
    breaches.push(`defaultTarget: is required for direction ${definition.direction}`);
  const { greenPct, amberPct } = definition.tolerance;
  if (Decimal.parse(greenPct).compare(Decimal.parse(amberPct)) > 0)
    breaches.push(`tolerance.greenPct: must not exceed amberPct (${amberPct})`);
  for (const [projectType, override] of Object.entries(definition.projectTypeOverrides)) {
    if (isContext && override?.target !== undefined)
      breaches.push(`projectTypeOverrides.${projectType}.target: must be absent: a context KPI has no target`);
  }
  return breaches;
}
