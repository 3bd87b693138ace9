import type {
  TeamMemberLoad,
  TenderBoardResponse,
  TenderCard,
  TenderStage,
  TimeSheetResponse,
  WarRoomPanel,
} from '@presales/contracts';

export interface TenderBoardRows {
  readonly tenders: readonly {
    tender_id: string;
    opportunity_id: string;
    issuer: string;
    kind: string;
    deadline_ms: number | string;
  }[];
  readonly decisions: readonly { tender_id: string; decision: string }[];
  readonly sections: readonly { tender_id: string; n: number | string }[];
  readonly drafted: readonly { tender_id: string; n: number | string }[];
  readonly reviews: readonly { tender_id: string; n: number | string }[];
  readonly submitted: readonly { tender_id: string }[];
  readonly withdrawn: readonly { tender_id: string }[];
  readonly outcomes: readonly { tender_id: string; outcome: string }[];
  readonly warRooms: readonly {
    war_room_id: string;
    tender_id: string;
    commander_id: string;
    member_ids: readonly string[];
    allocation_pct: number | string;
  }[];
  readonly memberChanges: readonly {
    war_room_id: string;
    consultant_id: string;
    change: string;
    occurred_at_ms: number | string;
    position: number | string;
  }[];
  readonly consultants: readonly {
    consultant_id: string;
    name: string;
    team_id: string;
    weekly_capacity_hours: number | string;
  }[];
  readonly offboarded: readonly { consultant_id: string }[];
  readonly assignees: readonly { tender_id: string; assignee_id: string; n: number | string }[];
  readonly hours: readonly { consultant_id: string; hours: number | string }[];
}

/**
 * The stage a tender has reached, the furthest first: ended (no-bid, withdrawn, an outcome),
 * submitted, a review held, sections assigned, a bid decided, or just received.
 */
export function tenderStage(facts: {
  decision: string | undefined;
  sections: number;
  reviews: number;
  submitted: boolean;
  withdrawn: boolean;
  outcome: string | undefined;
}): { stage: TenderStage; ending: TenderCard['ending'] } {
  if (facts.outcome !== undefined) return { stage: 'outcome', ending: facts.outcome as TenderCard['ending'] };
  if (facts.withdrawn) return { stage: 'outcome', ending: 'withdrawn' };
  if (facts.decision === 'no_bid') return { stage: 'outcome', ending: 'no_bid' };
  if (facts.submitted) return { stage: 'submitted', ending: null };
  if (facts.reviews > 0) return { stage: 'in_review', ending: null };
  if (facts.sections > 0) return { stage: 'drafting', ending: null };
  if (facts.decision === 'bid') return { stage: 'decided', ending: null };
  return { stage: 'received', ending: null };
}

const round2 = (value: number) => Math.round(value * 100) / 100;

/** The members of each war room now: those it opened with and the commander, then joins and leaves in order. */
function membersOf(rows: TenderBoardRows): Map<string, Set<string>> {
  const members = new Map<string, Set<string>>();
  for (const room of rows.warRooms) members.set(room.war_room_id, new Set([room.commander_id, ...room.member_ids]));
  const changes = [...rows.memberChanges].sort(
    (a, b) => Number(a.occurred_at_ms) - Number(b.occurred_at_ms) || Number(a.position) - Number(b.position),
  );
  for (const change of changes) {
    const set = members.get(change.war_room_id);
    if (set === undefined) continue;
    if (change.change === 'joined') set.add(change.consultant_id);
    else set.delete(change.consultant_id);
  }
  return members;
}

export function tenderBoard(rows: TenderBoardRows, asOf: Date): TenderBoardResponse {
  const byTender = <R extends { tender_id: string }>(list: readonly R[]) =>
    new Map(list.map((row) => [row.tender_id, row]));
  const decisions = byTender(rows.decisions);
  const sections = byTender(rows.sections);
  const drafted = byTender(rows.drafted);
  const reviews = byTender(rows.reviews);
  const submitted = byTender(rows.submitted);
  const withdrawn = byTender(rows.withdrawn);
  const outcomes = byTender(rows.outcomes);
  const consultants = new Map(rows.consultants.map((row) => [row.consultant_id, row]));
  const hours = new Map(rows.hours.map((row) => [row.consultant_id, Number(row.hours)]));
  const members = membersOf(rows);
  const warRooms = new Map<string, WarRoomPanel>();
  for (const room of rows.warRooms) {
    warRooms.set(room.tender_id, {
      warRoomId: room.war_room_id,
      allocationPct: Number(room.allocation_pct),
      members: [...(members.get(room.war_room_id) ?? [])].sort().map((consultantId) => {
        const consultant = consultants.get(consultantId);
        return {
          consultantId,
          name: consultant?.name ?? consultantId,
          commander: consultantId === room.commander_id,
          hoursLast7Days: round2(hours.get(consultantId) ?? 0),
          weeklyCapacityHours: consultant === undefined ? null : Number(consultant.weekly_capacity_hours),
        };
      }),
    });
  }
  const tenders = rows.tenders.map((tender) => {
    const id = tender.tender_id;
    const sectionCount = Number(sections.get(id)?.n ?? 0);
    const reviewCount = Number(reviews.get(id)?.n ?? 0);
    return {
      tenderId: id,
      opportunityId: tender.opportunity_id,
      issuer: tender.issuer,
      kind: tender.kind,
      deadline: new Date(Number(tender.deadline_ms)).toISOString(),
      ...tenderStage({
        decision: decisions.get(id)?.decision,
        sections: sectionCount,
        reviews: reviewCount,
        submitted: submitted.has(id),
        withdrawn: withdrawn.has(id),
        outcome: outcomes.get(id)?.outcome,
      }),
      sections: { assigned: sectionCount, drafted: Number(drafted.get(id)?.n ?? 0) },
      reviews: reviewCount,
      warRoom: warRooms.get(id) ?? null,
    };
  });
  return { asOf: asOf.toISOString(), tenders, team: teamLoads(rows, tenders, hours) };
}

/**
 * The peacetime view: every consultant still onboarded, by team and name, with the hours they
 * logged in the last 7 days and the tenders still being answered (not submitted, not ended) in
 * which they hold response sections, soonest deadline first as the board lists them.
 */
function teamLoads(
  rows: TenderBoardRows,
  tenders: readonly TenderCard[],
  hours: ReadonlyMap<string, number>,
): TeamMemberLoad[] {
  const answering = tenders.filter((tender) => tender.stage !== 'submitted' && tender.stage !== 'outcome');
  const sectionsOf = new Map(rows.assignees.map((row) => [`${row.tender_id}\u0000${row.assignee_id}`, Number(row.n)]));
  const offboarded = new Set(rows.offboarded.map((row) => row.consultant_id));
  return rows.consultants
    .filter((consultant) => !offboarded.has(consultant.consultant_id))
    .map((consultant) => ({
      consultantId: consultant.consultant_id,
      name: consultant.name,
      teamId: consultant.team_id,
      hoursLast7Days: round2(hours.get(consultant.consultant_id) ?? 0),
      weeklyCapacityHours: Number(consultant.weekly_capacity_hours),
      tenders: answering.flatMap((tender) => {
        const sections = sectionsOf.get(`${tender.tenderId}\u0000${consultant.consultant_id}`) ?? 0;
        return sections > 0 ? [{ tenderId: tender.tenderId, sections }] : [];
      }),
    }))
    .sort(
      (a, b) =>
        a.teamId.localeCompare(b.teamId) ||
        a.name.localeCompare(b.name) ||
        a.consultantId.localeCompare(b.consultantId),
    );
}

/** The week's rows, one per opportunity and category, Monday to Sunday. */
export function timeSheet(
  consultantId: string,
  mondayMs: number,
  rows: readonly { opportunity_id: string; category: string; day: string; hours: number | string }[],
): TimeSheetResponse {
  const days = Array.from({ length: 7 }, (_, i) => new Date(mondayMs + i * 86_400_000).toISOString().slice(0, 10));
  const sheet = new Map<string, { opportunityId: string | null; category: string; hours: number[] }>();
  for (const row of rows) {
    const key = `${row.opportunity_id}\u0000${row.category}`;
    let line = sheet.get(key);
    if (line === undefined) {
      line = {
        opportunityId: row.opportunity_id === '' ? null : row.opportunity_id,
        category: row.category,
        hours: days.map(() => 0),
      };
      sheet.set(key, line);
    }
    const index = days.indexOf(row.day);
    if (index >= 0) line.hours[index] = round2(line.hours[index]! + Number(row.hours));
  }
  return { consultantId, from: days[0]!, days, rows: [...sheet.values()] };
}
