import type { MaturityPracticeResult } from '@presales/contracts';

/** `bid.decision_recorded` → `decision_recorded`: the key of the practice's words in both languages. */
export function practiceKey(practiceId: string): string {
  return practiceId.slice(practiceId.indexOf('.') + 1);
}

/**
 * Where a failing unit leads: a KPI-quarter of levels 4 and 5 (`win_rate@2026-Q2`) to that KPI's
 * detail in that quarter; a unit of work of levels 2 and 3 to its record's history.
 */
export function failingUnitTarget(
  unitId: string,
): { name: 'kpis'; params: { kpiId: string }; query: { period: string } } | { name: 'record'; params: { id: string } } {
  const kpiQuarter = /^([a-z_]+)@(\d{4}-Q[1-4])$/.exec(unitId);
  if (kpiQuarter) return { name: 'kpis', params: { kpiId: kpiQuarter[1]! }, query: { period: kpiQuarter[2]! } };
  return { name: 'record', params: { id: unitId.split(/[/@]/)[0] ?? unitId } };
}

/** Why a practice failed, from its figures (the API's reason is English only). */
export function practiceOutcome(p: MaturityPracticeResult): 'pass' | 'no_units' | 'below_threshold' {
  if (p.passed) return 'pass';
  return p.units === 0 ? 'no_units' : 'below_threshold';
}
