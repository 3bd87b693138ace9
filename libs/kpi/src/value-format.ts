import type { Unit } from './definition.js';
import type { RagStatus } from './pdca.js';

const MONEY = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

/**
 * How a value of each unit reads wherever a person reads it (the CLI's tables, the dashboard):
 * one function, so both show the same figure. `ratio` is a share shown as a percentage;
 * `percent` is already one (quote_margin's marginPct); `count` is a mean count (quote
 * revisions per quote), where a second decimal tells 1.25 from 1.3.
 */
const FORMATS: Readonly<Record<Unit, (value: number) => string>> = {
  ratio: (value) => `${(value * 100).toFixed(1)} %`,
  percent: (value) => `${value.toFixed(1)} %`,
  money: (value) => MONEY.format(value),
  count: (value) => value.toFixed(2),
  hours: (value) => value.toFixed(1),
  days: (value) => value.toFixed(1),
  score: (value) => value.toFixed(1),
};

function isUnit(unit: string): unit is Unit {
  return Object.hasOwn(FORMATS, unit);
}

/** How a RAG status reads: `no_data` is "no data", as a null value is; a context KPI is not judged. */
export function formatStatus(status: RagStatus): string {
  return status === 'no_data' ? 'no data' : status === 'context' ? 'not judged' : status;
}

/** A target as text: a context KPI, or one with no default, has none (not "no data"). */
export function formatTarget(target: number | null, unit: Unit | string): string {
  return target === null ? '—' : formatKpiValue(target, unit);
}

/**
 * A KPI value as text; null is "no data", never 0 (KPIS.md). `unit` is a string because answers
 * carry it so: a unit this build does not know (a newer server) reads as a plain number.
 */
export function formatKpiValue(value: number | null, unit: Unit | string): string {
  if (value === null) return 'no data';
  return isUnit(unit) ? FORMATS[unit](value) : value.toFixed(1);
}
