import { z } from 'zod';
import { EntityId } from '../shared/primitives.js';

/** KPI ids are snake_case, e.g. `win_rate` (KPIS.md); `kpi-<kpiId>` streams use them. */
export const KpiId = z
  .string()
  .regex(/^[a-z][a-z0-9_]{0,63}$/, 'must be a snake_case id such as win_rate')
  .meta({ title: 'KpiId', description: 'snake_case id matching `[a-z][a-z0-9_]{0,63}`, e.g. `win_rate`' });

/** A month `2026-03` or a quarter `2026-Q1`: KPIs are computed per period. */
export const KpiPeriod = z
  .string()
  .regex(/^\d{4}-(Q[1-4]|0[1-9]|1[0-2])$/, 'must be a quarter such as 2026-Q1 or a month such as 2026-03')
  .meta({ title: 'Period', description: 'a quarter `2026-Q1` or a month `2026-03`' });

export const KPI_SCOPE_KINDS = ['org', 'team', 'consultant', 'product_line'] as const;

/** Who a KPI is measured for: the whole org, or one team, consultant or product line (by id). */
export const KpiScope = z
  .strictObject({ kind: z.enum(KPI_SCOPE_KINDS), id: EntityId.optional() })
  .superRefine((scope, ctx) => {
    if (scope.kind === 'org' && scope.id !== undefined)
      ctx.addIssue({ code: 'custom', path: ['id'], message: 'must be absent for the org scope' });
    if (scope.kind !== 'org' && scope.id === undefined)
      ctx.addIssue({ code: 'custom', path: ['id'], message: `is required for a ${scope.kind} scope` });
  })
  .meta({
    title: 'KpiScope',
    description: '`{ kind: org | team | consultant | product_line, id?: Id }`, id required unless org',
    // The refinement above, as the published contract states it.
    anyOf: [
      { properties: { kind: { const: 'org' }, id: false } },
      { properties: { kind: { enum: KPI_SCOPE_KINDS.filter((kind) => kind !== 'org') } }, required: ['id'] },
    ],
  });

export type KpiScope = z.output<typeof KpiScope>;
