import type { ProcessArea } from './definition.js';
import { practiceThreshold, type Bilingual, type PracticeRule, type WhenNoUnits } from './maturity-practice.js';

export const MATURITY_LEVELS = [
  { level: 1, name: 'Initial', zh: '初始级' },
  { level: 2, name: 'Repeatable', zh: '重复级' },
  { level: 3, name: 'Defined', zh: '已定义级' },
  { level: 4, name: 'Quantitatively managed', zh: '量化管理级' },
  { level: 5, name: 'Optimizing', zh: '优化级' },
] as const;
export type MaturityLevelNumber = (typeof MATURITY_LEVELS)[number]['level'];

/** The default share of units of work a practice must cover (KPIS.md). */
export const DEFAULT_PRACTICE_THRESHOLD = 0.8;

/** The measured evidence for one practice of one area. */
export interface PracticeEvidence {
  readonly id: string;
  readonly level: 2 | 3 | 4 | 5;
  /** The meaning in English (what the API has always called `description`). */
  readonly description: string;
  readonly meaning: Bilingual;
  readonly unitsOfWork: Bilingual;
  /** Units of work that satisfy the practice… */
  readonly evidence: number;
  /** …out of all units of work it applies to in the window. */
  readonly units: number;
  readonly threshold: number;
  /** Units that fail it, for the drill-down (capped by the caller). */
  readonly failingUnitIds: readonly string[];
  /** Met or failed when the window holds no units of work (decision 0023). */
  readonly whenNoUnits: WhenNoUnits;
}

/** A practice's rule with what was counted for it, under the request's threshold. */
export function practiceEvidence(
  rule: PracticeRule,
  requestedThreshold: number,
  counted: { readonly evidence: number; readonly units: number; readonly failingUnitIds: readonly string[] },
): PracticeEvidence {
  return {
    id: rule.id,
    level: rule.level,
    description: rule.meaning.en,
    meaning: rule.meaning,
    unitsOfWork: rule.unitsOfWork,
    threshold: practiceThreshold(rule, requestedThreshold),
    whenNoUnits: rule.whenNoUnits,
    ...counted,
  };
}

export interface PracticeResult extends PracticeEvidence {
  readonly share: number | null;
  readonly passed: boolean;
  /** Why it failed, in words, when it did. */
  readonly reason?: string;
}

export interface LevelResult {
  readonly level: MaturityLevelNumber;
  readonly name: string;
  readonly zh: string;
  /** Its own practices pass… */
  readonly practicesPass: boolean;
  /** …and every lower level is satisfied too (CMMI's staged rule). */
  readonly satisfied: boolean;
  readonly practices: readonly PracticeResult[];
}

export interface AreaMaturity {
  readonly area: ProcessArea;
  readonly level: MaturityLevelNumber;
  readonly levels: readonly LevelResult[];
}

export function judgePractice(practice: PracticeEvidence): PracticeResult {
  if (practice.units === 0) {
    return practice.whenNoUnits === 'passes'
      ? { ...practice, share: null, passed: true }
      : { ...practice, share: null, passed: false, reason: 'no units of work in the window' };
  }
  const share = practice.evidence / practice.units;
  const passed = share >= practice.threshold;
  return passed
    ? { ...practice, share, passed }
    : {
        ...practice,
        share,
        passed,
        reason: `${practice.evidence} of ${practice.units} (${(share * 100).toFixed(1)} %) < ${(practice.threshold * 100).toFixed(0)} %`,
      };
}

/** The staged rule: a level counts only if its practices pass and every lower level is satisfied. */
export function areaMaturity(area: ProcessArea, practices: readonly PracticeEvidence[]): AreaMaturity {
  let lowerSatisfied = true;
  let level: MaturityLevelNumber = 1;
  const levels: LevelResult[] = MATURITY_LEVELS.map(({ level: number, name, zh }) => {
    const judged = practices.filter((p) => p.level === number).map(judgePractice);
    const practicesPass = number === 1 || (judged.length > 0 && judged.every((p) => p.passed));
    const satisfied = lowerSatisfied && practicesPass;
    if (satisfied) level = number;
    lowerSatisfied = satisfied;
    return { level: number, name, zh, practicesPass, satisfied, practices: judged };
  });
  return { area, level, levels };
}
