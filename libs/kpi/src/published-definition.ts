import { DEFAULT_TOLERANCE, type Aggregate, type KpiDefinition, type ProjectTypeOverride } from './definition.js';

/**
 * The KpiDefinitionPublished payload's `definition` (DOMAIN.md kpi-<kpiId>): decimals as strings,
 * tolerance bands in percent. Plain data, so this library stays free of the domain.
 */
export interface PublishedDefinition {
  readonly id: string;
  readonly names: { readonly en: string; readonly zh: string };
  readonly unit: string;
  readonly direction: string;
  readonly defaultTarget: string | null;
  readonly tolerance: { readonly greenPct: string; readonly amberPct: string };
  readonly weight: string;
  readonly area: string;
  readonly sql: string;
  readonly aggregate?: string;
  readonly description?: string;
  readonly parameters?: Readonly<Record<string, Readonly<Record<string, number>>>>;
  readonly projectTypeOverrides?: Readonly<Record<string, { readonly weight?: string; readonly target?: string; readonly counts?: boolean }>>;
}

/** A number as the domain's decimal text: at most 6 decimals. */
export function decimalText(value: number): string {
  return String(Number(value.toFixed(6)));
}

/** The catalog's definition as the payload of PublishKpiDefinition. */
export function toPublishedDefinition(definition: KpiDefinition): PublishedDefinition {
  const overrides: Record<string, { weight?: string; target?: string; counts?: boolean }> = {};
  for (const [projectType, override] of Object.entries(definition.projectTypeOverrides)) {
    if (override === undefined) continue;
    overrides[projectType] = {
      ...(override.weight === undefined ? {} : { weight: decimalText(override.weight) }),
      ...(override.target === undefined ? {} : { target: decimalText(override.target) }),
      ...(override.counts === undefined ? {} : { counts: override.counts }),
    };
  }
  return {
    id: definition.id,
    names: definition.names,
    unit: definition.unit,
    direction: definition.direction,
    defaultTarget: definition.defaultTarget === null ? null : decimalText(definition.defaultTarget),
    tolerance: { greenPct: decimalText(definition.tolerance.green * 100), amberPct: decimalText(definition.tolerance.amber * 100) },
    weight: decimalText(definition.weight),
    area: definition.area,
    sql: definition.sql,
    aggregate: definition.aggregate,
    description: definition.description,
    parameters: definition.parameters,
    projectTypeOverrides: overrides,
  };
}

/** A published definition (validated by the domain when it was recorded) back as a computable one. */
export function fromPublishedDefinition(published: PublishedDefinition, version: number): KpiDefinition {
  const overrides: Record<string, ProjectTypeOverride> = {};
  for (const [projectType, override] of Object.entries(published.projectTypeOverrides ?? {})) {
    overrides[projectType] = {
      ...(override.weight === undefined ? {} : { weight: Number(override.weight) }),
      ...(override.target === undefined ? {} : { target: Number(override.target) }),
      ...(override.counts === undefined ? {} : { counts: override.counts }),
    };
  }
  return {
    id: published.id,
    version,
    names: published.names,
    description: published.description ?? '',
    unit: published.unit as KpiDefinition['unit'],
    direction: published.direction as KpiDefinition['direction'],
    defaultTarget: published.defaultTarget === null ? null : Number(published.defaultTarget),
    tolerance: published.tolerance === undefined ? DEFAULT_TOLERANCE : { green: Number(published.tolerance.greenPct) / 100, amber: Number(published.tolerance.amberPct) / 100 },
    weight: Number(published.weight),
    area: published.area as KpiDefinition['area'],
    aggregate: (published.aggregate ?? 'ratio') as Aggregate,
    sql: published.sql,
    parameters: published.parameters ?? {},
    projectTypeOverrides: overrides,
  };
}
