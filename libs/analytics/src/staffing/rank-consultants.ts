import type { RankedConsultant, StaffingReason } from '@presales/contracts';

/** The work to staff: what it is about, which skills it calls for, and the weeks it needs. */
export interface StaffingNeed {
  readonly productLine: string;
  readonly skills: readonly string[];
  /** Epoch ms of the Mondays of the weeks the work needs (at least one). */
  readonly weeks: readonly number[];
  /** Share of a consultant's week the work takes, in percent. */
  readonly neededPct: number;
}

/** A consultant as the ranking sees them: profile, committed load, and track record on similar work. */
export interface StaffingCandidate {
  readonly consultantId: string;
  readonly name: string;
  readonly teamId: string;
  readonly level: string;
  readonly productLines: readonly string[];
  /**
   * Skill → highest certified level (1–5), for the needed skills at least (no other is read); a
   * skill listed at onboarding without a certificate counts as 1.
   */
  readonly skillLevels: ReadonlyMap<string, number>;
  /** Committed load per needed week (same order as `need.weeks`), in percent of the week. */
  readonly loadPct: readonly number[];
  /** Load this week, in percent: above 100 is overload. */
  readonly currentLoadPct: number;
  /** Deals and activities of the same kind of work the consultant took part in. */
  readonly past: { readonly won: number; readonly lost: number; readonly positive: number; readonly negative: number };
}

/**
 * The weights of the fit, out of 100 (docs/decisions/0032): the product line matters most, then
 * certified skills, free capacity, and the record on similar work; overload now costs points.
 */
export const STAFFING_WEIGHTS = { productLine: 35, skills: 30, capacity: 20, record: 15, overloadPenalty: 20 } as const;

/**
 * The most a consultant who does not cover the work's product line can score: every other part in
 * full. The record's share stays below its weight (its smoothed rate is below 1) but may round up to it.
 */
export const SCORE_CEILING_OUTSIDE_THE_LINE =
  STAFFING_WEIGHTS.skills + STAFFING_WEIGHTS.capacity + STAFFING_WEIGHTS.record;

const round1 = (n: number) => Math.round(n * 10) / 10;

/** Smallest free share of the needed weeks: the week the consultant is busiest decides. */
function freePctOf(candidate: StaffingCandidate): number {
  return Math.min(...candidate.loadPct.map((load) => 100 - load));
}

/** Laplace-smoothed success rate: no record ranks at one half, between a good and a bad one. */
function recordOf(past: StaffingCandidate['past']): number {
  const good = past.won + past.positive;
  const bad = past.lost + past.negative;
  return (good + 1) / (good + bad + 2);
}

/** A candidate's fit in numbers: what the order needs, for every candidate. */
interface Fit {
  readonly candidate: StaffingCandidate;
  readonly covered: boolean;
  /** Certified level per needed skill, in the need's order; null where the candidate has none. */
  readonly skillLevels: readonly (number | null)[];
  readonly freePct: number;
  readonly available: boolean;
  readonly overloaded: boolean;
  readonly score: number;
}

function fitOf(need: StaffingNeed, candidate: StaffingCandidate): Fit {
  if (candidate.loadPct.length !== need.weeks.length) {
    throw new RangeError(
      `rankConsultants: ${candidate.consultantId} has ${candidate.loadPct.length} weekly loads for ${need.weeks.length} weeks`,
    );
  }
  const covered = candidate.productLines.includes(need.productLine);
  const skillLevels = need.skills.map((skill) => candidate.skillLevels.get(skill) ?? null);
  let skillPoints = need.skills.length === 0 ? STAFFING_WEIGHTS.skills : 0;
  for (const level of skillLevels)
    if (level !== null) skillPoints += (STAFFING_WEIGHTS.skills / need.skills.length) * (Math.min(5, level) / 5);
  const freePct = Math.max(0, freePctOf(candidate));
  const capacityPoints = STAFFING_WEIGHTS.capacity * Math.min(1, freePct / Math.max(need.neededPct, 1));
  const overloaded = candidate.currentLoadPct > 100;
  const total =
    (covered ? STAFFING_WEIGHTS.productLine : 0) +
    skillPoints +
    capacityPoints +
    STAFFING_WEIGHTS.record * recordOf(candidate.past) -
    (overloaded ? STAFFING_WEIGHTS.overloadPenalty : 0);
  return {
    candidate,
    covered,
    skillLevels,
    freePct,
    available: freePct >= need.neededPct,
    overloaded,
    score: round1(Math.max(0, total)),
  };
}

/** Why a candidate ranks where they do, in the order the dashboard shows it. */
function reasonsOf(need: StaffingNeed, fit: Fit): StaffingReason[] {
  const reasons: StaffingReason[] = [{ kind: 'product_line', productLine: need.productLine, covered: fit.covered }];
  need.skills.forEach((skill, index) => reasons.push({ kind: 'skill', skill, level: fit.skillLevels[index]! }));
  reasons.push({
    kind: fit.available ? 'free_capacity' : 'no_capacity',
    freePct: round1(fit.freePct),
    neededPct: need.neededPct,
  });
  if (fit.overloaded) reasons.push({ kind: 'overloaded_now', loadPct: round1(fit.candidate.currentLoadPct) });
  reasons.push({ kind: 'past_outcomes', ...fit.candidate.past });
  return reasons;
}

// One collator for every comparison: the same order as String.prototype.localeCompare without
// arguments, without building a collator per call (the ranking compares thousands of names).
const byName = new Intl.Collator().compare;

function inRankOrder(a: Fit, b: Fit): number {
  return (
    Number(b.available) - Number(a.available) ||
    b.score - a.score ||
    b.freePct - a.freePct ||
    byName(a.candidate.name, b.candidate.name) ||
    (a.candidate.consultantId < b.candidate.consultantId
      ? -1
      : a.candidate.consultantId > b.candidate.consultantId
        ? 1
        : 0)
  );
}

/**
 * The first `limit` items in the order of `compare`, sorted: a full sort when most are asked for,
 * else one pass that keeps the best `limit` so far (most items lose to the last kept one on
 * availability or score, before any name is compared).
 */
function firstInOrder<T>(items: T[], limit: number, compare: (a: T, b: T) => number): T[] {
  if (!(limit >= 1)) return [];
  if (limit * 8 >= items.length) return items.sort(compare).slice(0, limit);
  const kept: T[] = [];
  for (const item of items) {
    if (kept.length === limit && compare(item, kept[limit - 1]!) >= 0) continue;
    let at = kept.length;
    while (at > 0 && compare(item, kept[at - 1]!) < 0) at -= 1;
    kept.splice(at, 0, item);
    if (kept.length > limit) kept.pop();
  }
  return kept;
}

/**
 * Ranks consultants for a piece of work, the first `limit` of them (all when not given, none when
 * it is below 1). Those with the free capacity come first whatever their score (a perfect fit who
 * cannot take the work is no suggestion), then by score; ties go to more free capacity, then name
 * and id, so the order never depends on the input's. Reasons are given for the ranked places only.
 */
export function rankConsultants(
  need: StaffingNeed,
  candidates: readonly StaffingCandidate[],
  limit = candidates.length,
): RankedConsultant[] {
  if (need.weeks.length === 0) throw new RangeError('rankConsultants: the work needs at least one week');
  if (!(need.neededPct > 0 && need.neededPct <= 100))
    throw new RangeError(`rankConsultants: neededPct ${need.neededPct} is not in (0, 100]`);
  const fits = firstInOrder(
    candidates.map((candidate) => fitOf(need, candidate)),
    Math.floor(limit),
    inRankOrder,
  );
  return fits.map((fit, index) => ({
    rank: index + 1,
    consultantId: fit.candidate.consultantId,
    name: fit.candidate.name,
    teamId: fit.candidate.teamId,
    level: fit.candidate.level,
    score: fit.score,
    available: fit.available,
    reasons: reasonsOf(need, fit),
  }));
}

/**
 * Whether the first `limit` of a ranking of only the consultants who cover the work's product line
 * are also the first `limit` of everyone's: each of them is available and scores above
 * SCORE_CEILING_OUTSIDE_THE_LINE, so anyone outside the line, available or not, ranks after all of
 * them. Then the others need not be read (decision 0052).
 */
export function topSettledWithinTheLine(rankedWithinTheLine: readonly RankedConsultant[], limit: number): boolean {
  return (
    rankedWithinTheLine.length >= limit &&
    rankedWithinTheLine.slice(0, limit).every((r) => r.available && r.score > SCORE_CEILING_OUTSIDE_THE_LINE)
  );
}
