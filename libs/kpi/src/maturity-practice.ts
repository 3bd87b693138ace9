import type { ProcessArea } from './definition.js';

/** Text a manager reads, in both languages of the product. */
export interface Bilingual {
  readonly en: string;
  readonly zh: string;
}

/**
 * The share of units a practice must cover: the request's (KPIS.md default 80 %), or a share
 * fixed by the rule itself (a standard exists: 100 %; verified actions effective: 50 %).
 */
export type PracticeThreshold = { readonly kind: 'request' } | { readonly kind: 'fixed'; readonly share: number };

/**
 * What a practice with no units of work in the window means (decision 0023): `fails` for a
 * practice that proves the area works a certain way — no work is no evidence —, `passes` for a
 * practice about exceptions (red KPIs, custom fits, corrective actions): none to handle is none
 * handled badly.
 */
export type WhenNoUnits = 'fails' | 'passes';

/** What every practice says about itself, whatever measures it: the rules docs/maturity.md and the API show. */
export interface PracticeRule {
  /** `<area>.<practice>`. */
  readonly id: string;
  readonly area: ProcessArea;
  readonly level: 2 | 3 | 4 | 5;
  /** What the practice requires. */
  readonly meaning: Bilingual;
  /** What one unit of work is, and which of them fall in the window. */
  readonly unitsOfWork: Bilingual;
  readonly threshold: PracticeThreshold;
  readonly whenNoUnits: WhenNoUnits;
}

export const REQUEST_THRESHOLD: PracticeThreshold = { kind: 'request' };
export const fixedThreshold = (share: number): PracticeThreshold => ({ kind: 'fixed', share });

/** The share a practice needs under a request's threshold. */
export function practiceThreshold(rule: Pick<PracticeRule, 'threshold'>, requested: number): number {
  return rule.threshold.kind === 'request' ? requested : rule.threshold.share;
}

/** The process areas' names, as docs/maturity.md and the dashboard title them. */
export const AREA_NAMES: Readonly<Record<ProcessArea, Bilingual>> = {
  requirements: { en: 'Requirements', zh: '需求管理' },
  solution: { en: 'Solution', zh: '方案设计' },
  bid: { en: 'Bid', zh: '投标管理' },
  resourcing: { en: 'Resourcing', zh: '资源管理' },
  quotation: { en: 'Quotation', zh: '报价管理' },
  communication: { en: 'Customer communication', zh: '客户沟通' },
  knowledge: { en: 'Knowledge', zh: '知识管理' },
  collaboration: { en: 'Sales collaboration', zh: '销售协同' },
  performance: { en: 'Performance', zh: '绩效管理' },
  people: { en: 'People', zh: '人员发展' },
};
