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
  /** Skill → highest certified level (1–5); a skill listed at onboarding without a certificate counts as 1. */
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

interface Scored {
  readonly candidate: StaffingCandidate;
  readonly score: number;
  readonly freePct: number;
  readonly available: boolean;
  readonly reasons: StaffingReason[];
}

function score(need: StaffingNeed, candidate: StaffingCandidate): Scored {
  if (candidate.loadPct.length !== need.weeks.length) {
    throw new RangeError(
      `rankConsultants: ${candidate.consultantId} has ${candidate.loadPct.length} weekly loads for ${need.weeks.length} weeks`,
    );
  }
  const reasons: StaffingReason[] = [];
  const covered = candidate.productLines.includes(need.productLine);
  reasons.push({ kind: 'product_line', productLine: need.productLine, covered });

  let skillPoints = need.skills.length === 0 ? STAFFING_WEIGHTS.skills : 0;
  for (const skill of need.skills) {
    const level = candidate.skillLevels.get(skill) ?? null;
    reasons.push({ kind: 'skill', skill, level });
    if (level !== null) skillPoints += (STAFFING_WEIGHTS.skills / need.skills.length) * (Math.min(5, level) / 5);
  }

  const freePct = Math.max(0, freePctOf(candidate));
  const available = freePct >= need.neededPct;
  reasons.push({
    kind: available ? 'free_capacity' : 'no_capacity',
    freePct: round1(freePct),
    neededPct: need.neededPct,
  });
  const capacityPoints = STAFFING_WEIGHTS.capacity * Math.min(1, freePct / Math.max(need.neededPct, 1));

  const overloaded = candidate.currentLoadPct > 100;
  if (overloaded) reasons.push({ kind: 'overloaded_now', loadPct: round1(candidate.currentLoadPct) });

  reasons.push({ kind: 'past_outcomes', ...candidate.past });
  const total =
    (covered ? STAFFING_WEIGHTS.productLine : 0) +
    skillPoints +
    capacityPoints +
    STAFFING_WEIGHTS.record * recordOf(candidate.past) -
    (overloaded ? STAFFING_WEIGHTS.overloadPenalty : 0);
  return { candidate, score: round1(Math.max(0, total)), freePct, available, reasons };
}

/**
 * Ranks consultants for a piece of work. Those with the free capacity come first whatever their
 * score (a perfect fit who cannot take the work is no suggestion), then by score; ties go to more
 * free capacity, then name and id, so the order never depends on the input's.
 */
export function rankConsultants(need: StaffingNeed, candidates: readonly StaffingCandidate[]): RankedConsultant[] {
  if (need.weeks.length === 0) throw new RangeError('rankConsultants: the work needs at least one week');
  if (!(need.neededPct > 0 && need.neededPct <= 100))
    throw new RangeError(`rankConsultants: neededPct ${need.neededPct} is not in (0, 100]`);
  const scored = candidates.map((candidate) => score(need, candidate));
  scored.sort(
    (a, b) =>
      Number(b.available) - Number(a.available) ||
      b.score - a.score ||
      b.freePct - a.freePct ||
      a.candidate.name.localeCompare(b.candidate.name) ||
      (a.candidate.consultantId < b.candidate.consultantId
        ? -1
        : a.candidate.consultantId > b.candidate.consultantId
          ? 1
          : 0),
  );
  return scored.map((entry, index) => ({
    rank: index + 1,
    consultantId: entry.candidate.consultantId,
    name: entry.candidate.name,
    teamId: entry.candidate.teamId,
    level: entry.candidate.level,
    score: entry.score,
    available: entry.available,
    reasons: entry.reasons,
  }));
}
