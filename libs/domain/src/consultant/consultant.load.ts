import { Decimal } from '../money/decimal.js';
import { compareDates } from '../shared/time.js';
import type { WarRoomState } from '../warroom/warroom.state.js';
import type { ConsultantRecord } from './consultant.state.js';

const DAYS_PER_WEEK = Decimal.fromInteger(7);
const HOURS = { places: 2, rounding: 'half_even' } as const;

export interface LoadShare {
  /** The assignment or war room id. */
  readonly id: string;
  readonly opportunityId: string;
  readonly allocationPct: string;
}

/**
 * A consultant's load on one day, peacetime and wartime together (DOMAIN.md: "a consultant's
 * load counts war-room time"). Percentages are of the working week; hours are
 * weeklyCapacityHours × percentage, 2 decimals, half_even.
 */
export interface ConsultantLoad {
  readonly consultantId: string;
  readonly date: string;
  readonly weeklyCapacityHours: string;
  readonly assignments: readonly LoadShare[];
  readonly warRooms: readonly LoadShare[];
  readonly assignmentPct: string;
  readonly warRoomPct: string;
  readonly allocationPct: string;
  readonly allocatedHours: string;
  /** Capacity left; negative when overloaded. */
  readonly availableHours: string;
  /** Above 100 % of the week, as the overload_share KPI counts it. */
  readonly overloaded: boolean;
}

/**
 * Load on `date` (YYYY-MM-DD): the consultant's unreleased assignments whose from..to includes the
 * date, plus every open war room they are a member of. War rooms carry no dates, so pass their
 * states as of that day (each folded from its events up to then).
 */
export function consultantLoadOn(record: ConsultantRecord, date: string, warRooms: readonly WarRoomState[]): ConsultantLoad {
  const { consultantId, weeklyCapacityHours } = record.consultant;
  const assignments: LoadShare[] = [];
  for (const [id, assignment] of record.assignments) {
    if (assignment.released || compareDates(assignment.from, date) > 0 || compareDates(date, assignment.to) > 0) continue;
    assignments.push({ id, opportunityId: assignment.opportunityId, allocationPct: Decimal.fromNumber(assignment.allocationPct).toString() });
  }
  const rooms: LoadShare[] = [];
  for (const room of warRooms) {
    if (room.status !== 'open' || !room.memberIds.has(consultantId)) continue;
    rooms.push({ id: room.warRoom.warRoomId, opportunityId: room.warRoom.opportunityId, allocationPct: Decimal.fromNumber(room.warRoom.allocationPct).toString() });
  }
  const assignmentPct = sumPct(assignments);
  const warRoomPct = sumPct(rooms);
  const allocationPct = assignmentPct.plus(warRoomPct);
  const capacity = Decimal.fromNumber(weeklyCapacityHours);
  const allocatedHours = Decimal.ratio([capacity, allocationPct], [Decimal.HUNDRED], HOURS);
  return {
    consultantId,
    date,
    weeklyCapacityHours: capacity.toString(),
    assignments,
    warRooms: rooms,
    assignmentPct: assignmentPct.toString(),
    warRoomPct: warRoomPct.toString(),
    allocationPct: allocationPct.toString(),
    allocatedHours: allocatedHours.toString(),
    availableHours: capacity.minus(allocatedHours).toString(),
    overloaded: allocationPct.compare(Decimal.HUNDRED) > 0,
  };
}

/**
 * Capacity hours over `days` days of being onboarded: weeklyCapacityHours × days ÷ 7, 2 decimals,
 * half_even — the denominator of the utilization KPI.
 */
export function capacityHoursOver(weeklyCapacityHours: number, days: number): string {
  if (!Number.isInteger(days) || days < 0) throw new RangeError(`days must be a whole number ≥ 0, got ${days}`);
  return Decimal.ratio([Decimal.fromNumber(weeklyCapacityHours), Decimal.fromInteger(days)], [DAYS_PER_WEEK], HOURS).toString();
}

function sumPct(shares: readonly LoadShare[]): Decimal {
  return Decimal.sum(shares.map((share) => Decimal.parse(share.allocationPct)));
}
