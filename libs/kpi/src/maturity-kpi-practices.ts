import { PROCESS_AREAS, type ProcessArea } from './definition.js';
import { fixedThreshold, REQUEST_THRESHOLD, type PracticeRule } from './maturity-practice.js';
import { MATURITY_PRACTICES } from './maturity-practices.js';

/** The practices of levels 4 and 5, judged from the org scorecards of the window's quarters. */
export const KPI_PRACTICE_KINDS = [
  'kpis_targeted_and_measured',
  'red_kpis_get_actions',
  'actions_effective',
  'composite_improved',
] as const;
export type KpiPracticeKind = (typeof KPI_PRACTICE_KINDS)[number];

export interface KpiPracticeRule extends PracticeRule {
  readonly level: 4 | 5;
  readonly kind: KpiPracticeKind;
}

/** The share of verified actions that must have been effective (KPIS.md level 5). */
export const EFFECTIVE_ACTIONS_SHARE = 0.5;

const RULES: Record<KpiPracticeKind, Omit<KpiPracticeRule, 'id' | 'area' | 'kind'>> = {
  kpis_targeted_and_measured: {
    level: 4,
    meaning: {
      en: 'every KPI of the area has a target set (KpiTargetSet for the org) in each quarter of the window and its actual is computed',
      zh: '该领域的每个 KPI 在窗口的每个季度都设定了组织目标（KpiTargetSet），且实际值可计算',
    },
    unitsOfWork: {
      en: 'KPI-quarters: each judged KPI of the area (context KPIs are not judged) × each quarter of the window',
      zh: 'KPI-季度：该领域每个参与评判的 KPI（背景 KPI 不评判）× 窗口的每个季度',
    },
    threshold: fixedThreshold(1),
    whenNoUnits: 'fails',
  },
  red_kpis_get_actions: {
    level: 5,
    meaning: {
      en: 'red KPI-quarters of the area have a CorrectiveActionRaised (for any scope)',
      zh: '该领域红灯的 KPI-季度都发起了纠正措施（CorrectiveActionRaised，任意范围）',
    },
    unitsOfWork: {
      en: 'KPI-quarters of the window whose org status is red',
      zh: '窗口内组织层面状态为红灯的 KPI-季度',
    },
    threshold: REQUEST_THRESHOLD,
    whenNoUnits: 'passes',
  },
  actions_effective: {
    level: 5,
    meaning: {
      en: 'at least half of the verified corrective actions were effective',
      zh: '已验证的纠正措施中至少一半有效',
    },
    unitsOfWork: {
      en: "corrective actions raised for the area's KPI-quarters of the window and verified (by their latest verification)",
      zh: '针对该领域窗口内 KPI-季度发起且已验证的纠正措施（以最后一次验证为准）',
    },
    threshold: fixedThreshold(EFFECTIVE_ACTIONS_SHARE),
    whenNoUnits: 'fails',
  },
  composite_improved: {
    level: 5,
    meaning: {
      en: "the area's composite score (no-short-board rule) is higher in the window's last quarter than in its first",
      zh: '该领域的综合得分（无短板原则）在窗口最后一个季度高于第一个季度',
    },
    unitsOfWork: {
      en: 'the area over the window: one unit (a window of one quarter cannot improve)',
      zh: '窗口内的该领域：一个单位（仅一个季度的窗口无法体现改进）',
    },
    threshold: fixedThreshold(1),
    whenNoUnits: 'fails',
  },
};

export function kpiPracticeRules(area: ProcessArea): KpiPracticeRule[] {
  return KPI_PRACTICE_KINDS.map((kind) => ({ id: `${area}.${kind}`, area, kind, ...RULES[kind] }));
}

/** Every practice of every area, by area (PROCESS_AREAS order) and level: what docs/maturity.md and the API describe. */
export const MATURITY_PRACTICE_RULES: readonly PracticeRule[] = PROCESS_AREAS.flatMap((area) => [
  ...MATURITY_PRACTICES.filter((p) => p.area === area).sort((a, b) => a.level - b.level),
  ...kpiPracticeRules(area),
]);

/** The rule of a practice id, or undefined for an id no area has. */
export function practiceRule(id: string): PracticeRule | undefined {
  return MATURITY_PRACTICE_RULES.find((rule) => rule.id === id);
}
