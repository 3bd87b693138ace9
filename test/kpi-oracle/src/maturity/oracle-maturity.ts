import type { RecordedEvent } from '@presales/event-store';
import {
  kpiPracticeRules,
  MATURITY_PRACTICE_RULES,
  PROCESS_AREAS,
  type PublishedKpi,
  type ProcessArea,
} from '@presales/kpi';
import { millis } from '../model/time.js';
import type { OracleQuery } from '../oracle.js';
import { maturityFactsOf } from './facts.js';
import { judge, stagedLevel, type OracleArea } from './judge.js';
import { kpiPracticeUnits, kpiQuarters } from './kpi-practices.js';
import { recordPracticeUnits } from './record-practices.js';
import { maturityWindow } from './window.js';

export interface MaturityQuery {
  /** ISO time; only events with recordedAt ≤ asOf exist. */
  readonly asOf: string;
  /** Quarters before asOf's quarter (KPIS.md default 2). */
  readonly windowQuarters: number;
  /** Share a practice must cover (KPIS.md default 0.8). */
  readonly threshold: number;
  /** The KPI definitions in force: their area, direction, default target, bands and weight. */
  readonly definitions: readonly PublishedKpi[];
  readonly fx: OracleQuery['fx'];
  readonly areas?: readonly ProcessArea[];
}

export interface OracleMaturity {
  readonly window: { readonly quarters: readonly string[]; readonly fromMs: number; readonly toMs: number };
  readonly areas: readonly OracleArea[];
}

/**
 * The maturity level of each process area, folded from the raw events in plain TypeScript: the
 * practices of docs/maturity.md (their ids, levels, thresholds and what having no units means
 * come from the rules in libs/kpi; what counts as a unit and as evidence is written here, from
 * their meaning, not from the SQL).
 */
export function oracleMaturity(events: readonly RecordedEvent[], query: MaturityQuery): OracleMaturity {
  const asOfMs = millis(query.asOf);
  const facts = maturityFactsOf(events, asOfMs);
  const window = maturityWindow(asOfMs, query.windowQuarters);
  const areas = (query.areas ?? PROCESS_AREAS).map((area): OracleArea => {
    const records = MATURITY_PRACTICE_RULES.filter((rule) => rule.area === area && rule.level <= 3).map((rule) => {
      const units = recordPracticeUnits(rule.id, facts, window);
      if (units === undefined) throw new Error(`the maturity oracle has no rule for practice ${rule.id}`);
      return judge(rule, units, query.threshold);
    });
    const kpiUnits = kpiPracticeUnits(kpiQuarters(area, events, facts, window, query.asOf, query), window, facts);
    const kpis = kpiPracticeRules(area).map((rule) => judge(rule, kpiUnits[rule.kind], query.threshold));
    const practices = [...records, ...kpis];
    return { area, level: stagedLevel(practices), practices };
  });
  return { window, areas };
}
