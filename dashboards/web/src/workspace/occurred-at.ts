import { toUtcIso } from '../forms/form-values';

/**
 * What a chain's parts say about when their facts happened: the time the person gave, as UTC
 * ISO, or nothing, so the API's clock records them as now. A chain recorded after the fact
 * (last week's demo, last quarter's bid) needs it: business time is what every KPI and
 * maturity window buckets by, and the domain accepts back-dated facts (DESIGN.md's envelope).
 */
export function occurredAtOf(when: string): { occurredAt?: string } {
  const text = when.trim();
  return text === '' ? {} : { occurredAt: toUtcIso(text) };
}

/** The local calendar day of a `datetime-local` value (`2026-08-01T09:30` → `2026-08-01`), '' when blank. */
export function localDayOf(when: string): string {
  return /^\d{4}-\d{2}-\d{2}T/.test(when) ? when.slice(0, 10) : '';
}
