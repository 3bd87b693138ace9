import type { StaffingReason } from '@presales/contracts';

/** A reason as a message key and its parameters: the view words it in the current language. */
export interface ReasonText {
  readonly key: string;
  readonly params: Readonly<Record<string, string | number>>;
  /** Whether the reason speaks for (good) or against (bad) the consultant, or neither. */
  readonly tone: 'good' | 'bad' | 'neutral';
}

export function reasonText(reason: StaffingReason): ReasonText {
  switch (reason.kind) {
    case 'product_line':
      return {
        key: reason.covered ? 'staffing.reason.lineYes' : 'staffing.reason.lineNo',
        params: { line: reason.productLine },
        tone: reason.covered ? 'good' : 'bad',
      };
    case 'skill':
      return reason.level === null
        ? { key: 'staffing.reason.skillMissing', params: { skill: reason.skill }, tone: 'bad' }
        : {
            key: 'staffing.reason.skill',
            params: { skill: reason.skill, level: reason.level },
            tone: reason.level >= 3 ? 'good' : 'neutral',
          };
    case 'free_capacity':
      return { key: 'staffing.reason.free', params: { free: reason.freePct, needed: reason.neededPct }, tone: 'good' };
    case 'no_capacity':
      return {
        key: 'staffing.reason.noCapacity',
        params: { free: reason.freePct, needed: reason.neededPct },
        tone: 'bad',
      };
    case 'overloaded_now':
      return { key: 'staffing.reason.overloaded', params: { load: reason.loadPct }, tone: 'bad' };
    case 'past_outcomes': {
      const good = reason.won + reason.positive;
      const bad = reason.lost + reason.negative;
      return {
        key: 'staffing.reason.past',
        params: { ...reason },
        tone: good > bad ? 'good' : bad > good ? 'bad' : 'neutral',
      };
    }
  }
}

const DAY_MS = 86_400_000;

/**
 * What an assignment from a suggestion records: the weeks the work needs, Monday to Sunday, at
 * the share it takes. Ids are unique per consultant and minute, readable in the record.
 */
export function assignmentFor(
  weeks: readonly string[],
  neededPct: number,
  now: Date,
): { assignmentId: string; from: string; to: string; allocationPct: number } {
  const first = weeks[0] ?? now.toISOString().slice(0, 10);
  const last = weeks[weeks.length - 1] ?? first;
  const to = new Date(Date.parse(`${last}T00:00:00Z`) + 6 * DAY_MS).toISOString().slice(0, 10);
  const stamp = now.toISOString().slice(0, 16).replace(/[-:T]/g, '');
  return {
    assignmentId: `asg-${stamp}-${Math.floor(now.getTime() % 1000)}`,
    from: first,
    to,
    allocationPct: neededPct,
  };
}

/** Committed ÷ capacity of a plan cell; null when nobody is on board that week. */
export function loadShare(committedHours: number, capacityHours: number): number | null {
  return capacityHours <= 0 ? null : committedHours / capacityHours;
}
