import { practiceThreshold, type PracticeRule } from '@presales/kpi';
import type { PracticeUnit } from './record-practices.js';

export interface OraclePractice {
  readonly id: string;
  readonly level: 2 | 3 | 4 | 5;
  readonly units: number;
  readonly evidence: number;
  readonly threshold: number;
  readonly passed: boolean;
  /** Every failing unit, in id order (code-unit order, as ClickHouse sorts ASCII ids). */
  readonly failingUnitIds: readonly string[];
}

export interface OracleArea {
  readonly area: string;
  /** KPIS.md staged rule: the highest level whose practices pass with every lower level's. */
  readonly level: 1 | 2 | 3 | 4 | 5;
  readonly practices: readonly OraclePractice[];
}

/** KPIS.md: a practice passes when the share of its units that satisfy it reaches the threshold. */
export function judge(rule: PracticeRule, units: readonly PracticeUnit[], requestedThreshold: number): OraclePractice {
  const threshold = practiceThreshold(rule, requestedThreshold);
  const evidence = units.filter((unit) => unit.ok).length;
  // Decision 0023: with no units, a practice about exceptions is met, any other is not.
  const passed = units.length === 0 ? rule.whenNoUnits === 'passes' : evidence / units.length >= threshold;
  const failingUnitIds = units
    .filter((unit) => !unit.ok)
    .map((unit) => unit.id)
    .sort((a, b) => (a < b ? -1 : a > b ? 1 : 0));
  return { id: rule.id, level: rule.level, units: units.length, evidence, threshold, passed, failingUnitIds };
}

/** "A level counts only if every lower level is satisfied too": climb while every practice of the next level passes. */
export function stagedLevel(practices: readonly OraclePractice[]): OracleArea['level'] {
  let level: OracleArea['level'] = 1;
  for (const next of [2, 3, 4, 5] as const) {
    const own = practices.filter((p) => p.level === next);
    if (own.length === 0 || !own.every((p) => p.passed)) break;
    level = next;
  }
  return level;
}
