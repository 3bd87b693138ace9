import type { CommandPayloads, KpiScope } from '../api/commands';

/** A new corrective action's id: readable, and unique enough for one manager's clicks. */
export function newActionId(kpiId: string, now: Date, random: () => number = Math.random): string {
  const stamp = now.toISOString().slice(0, 10).replace(/-/g, '');
  return `ca-${kpiId.replace(/_/g, '-')}-${stamp}-${Math.floor(random() * 36 ** 4)
    .toString(36)
    .padStart(4, '0')}`;
}

/** Two weeks from now at noon UTC: the default due date of an action. */
export function defaultDue(now: Date): string {
  const due = new Date(now.getTime() + 14 * 86_400_000);
  due.setUTCHours(12, 0, 0, 0);
  return due.toISOString();
}

/** The API takes decimals as strings (DecimalString): no float rounding on the way. */
export function decimalString(value: number): string {
  return String(Number(value.toPrecision(12)));
}

/** `team:team-1` (the URL's and the read API's form) as the commands take it. */
export function scopeObject(scope: string): KpiScope {
  const at = scope.indexOf(':');
  return at < 0
    ? { kind: scope as KpiScope['kind'] }
    : { kind: scope.slice(0, at) as KpiScope['kind'], id: scope.slice(at + 1) };
}

export function targetPayload(
  kpiId: string,
  period: string,
  scope: string,
  target: number,
): CommandPayloads['SetKpiTarget'] {
  return { kpiId, period, scope: scopeObject(scope), target: decimalString(target) };
}
