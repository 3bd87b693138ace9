import { describe, expect, it } from 'vitest';
import { tenderBoard, tenderStage, timeSheet, type TenderBoardRows } from './tender-board.js';

const none = { decision: undefined, sections: 0, reviews: 0, submitted: false, withdrawn: false, outcome: undefined };

describe('the stage a tender has reached', () => {
  it('is the furthest one its facts show', () => {
    expect(tenderStage(none)).toEqual({ stage: 'received', ending: null });
    expect(tenderStage({ ...none, decision: 'bid' })).toEqual({ stage: 'decided', ending: null });
    expect(tenderStage({ ...none, decision: 'bid', sections: 2 })).toEqual({ stage: 'drafting', ending: null });
    expect(tenderStage({ ...none, decision: 'bid', sections: 2, reviews: 1 }).stage).toBe('in_review');
    expect(tenderStage({ ...none, decision: 'bid', sections: 2, reviews: 1, submitted: true }).stage).toBe('submitted');
    expect(tenderStage({ ...none, decision: 'no_bid' })).toEqual({ stage: 'outcome', ending: 'no_bid' });
    expect(tenderStage({ ...none, decision: 'bid', submitted: true, withdrawn: true })).toEqual({
      stage: 'outcome',
      ending: 'withdrawn',
    });
    expect(tenderStage({ ...none, decision: 'bid', submitted: true, outcome: 'awarded' })).toEqual({
      stage: 'outcome',
      ending: 'awarded',
    });
  });
});

const empty: TenderBoardRows = {
  tenders: [],
  decisions: [],
  sections: [],
  drafted: [],
  reviews: [],
  submitted: [],
  withdrawn: [],
  outcomes: [],
  warRooms: [],
  memberChanges: [],
  consultants: [],
  offboarded: [],
  assignees: [],
  hours: [],
};

describe('the tender board', () => {
  it('puts each tender in its stage with its sections, reviews and open war room: members now, their load', () => {
    const board = tenderBoard(
      {
        ...empty,
        tenders: [
          { tender_id: 'T-1', opportunity_id: 'opp-1', issuer: 'Port', kind: 'rfp', deadline_ms: '1772355600000' },
        ],
        decisions: [{ tender_id: 'T-1', decision: 'bid' }],
        sections: [{ tender_id: 'T-1', n: '2' }],
        drafted: [{ tender_id: 'T-1', n: 1 }],
        warRooms: [
          { war_room_id: 'wr-1', tender_id: 'T-1', commander_id: 'mia', member_ids: ['ana', 'bo'], allocation_pct: 50 },
        ],
        memberChanges: [
          { war_room_id: 'wr-1', consultant_id: 'cy', change: 'joined', occurred_at_ms: 2, position: 9 },
          { war_room_id: 'wr-1', consultant_id: 'bo', change: 'left', occurred_at_ms: 1, position: 8 },
        ],
        consultants: [{ consultant_id: 'ana', name: 'Ana', team_id: 'east', weekly_capacity_hours: 40 }],
        hours: [{ consultant_id: 'ana', hours: 12.345 }],
      },
      new Date('2026-02-20T00:00:00Z'),
    );
    expect(board.tenders).toEqual([
      {
        tenderId: 'T-1',
        opportunityId: 'opp-1',
        issuer: 'Port',
        kind: 'rfp',
        deadline: '2026-03-01T09:00:00.000Z',
        stage: 'drafting',
        ending: null,
        sections: { assigned: 2, drafted: 1 },
        reviews: 0,
        warRoom: {
          warRoomId: 'wr-1',
          allocationPct: 50,
          members: [
            { consultantId: 'ana', name: 'Ana', commander: false, hoursLast7Days: 12.35, weeklyCapacityHours: 40 },
            { consultantId: 'cy', name: 'cy', commander: false, hoursLast7Days: 0, weeklyCapacityHours: null },
            { consultantId: 'mia', name: 'mia', commander: true, hoursLast7Days: 0, weeklyCapacityHours: null },
          ],
        },
      },
    ]);
  });
});

describe('the peacetime team view', () => {
  it('lists every consultant still onboarded by team and name, with their load and the tenders still answered where they hold sections', () => {
    const tender = (tender_id: string, deadline_ms: number) => ({
      tender_id,
      opportunity_id: 'opp-1',
      issuer: 'Port',
      kind: 'rfp',
      deadline_ms,
    });
    const board = tenderBoard(
      {
        ...empty,
        tenders: [tender('T-soon', 1_000), tender('T-later', 2_000), tender('T-sent', 3_000)],
        decisions: [
          { tender_id: 'T-soon', decision: 'bid' },
          { tender_id: 'T-later', decision: 'bid' },
          { tender_id: 'T-sent', decision: 'bid' },
        ],
        sections: [
          { tender_id: 'T-soon', n: 1 },
          { tender_id: 'T-later', n: 3 },
          { tender_id: 'T-sent', n: 1 },
        ],
        submitted: [{ tender_id: 'T-sent' }],
        assignees: [
          { tender_id: 'T-later', assignee_id: 'ana', n: '2' },
          { tender_id: 'T-soon', assignee_id: 'ana', n: 1 },
          { tender_id: 'T-later', assignee_id: 'bo', n: 1 },
          { tender_id: 'T-sent', assignee_id: 'bo', n: 1 },
        ],
        consultants: [
          { consultant_id: 'bo', name: 'Bo', team_id: 'east', weekly_capacity_hours: '32' },
          { consultant_id: 'ana', name: 'Ana', team_id: 'east', weekly_capacity_hours: 40 },
          { consultant_id: 'cy', name: 'Cy', team_id: 'west', weekly_capacity_hours: 40 },
          { consultant_id: 'old', name: 'Al', team_id: 'east', weekly_capacity_hours: 40 },
        ],
        offboarded: [{ consultant_id: 'old' }],
        hours: [{ consultant_id: 'ana', hours: '30.5' }],
      },
      new Date(0),
    );
    expect(board.team).toEqual([
      {
        consultantId: 'ana',
        name: 'Ana',
        teamId: 'east',
        hoursLast7Days: 30.5,
        weeklyCapacityHours: 40,
        tenders: [
          { tenderId: 'T-soon', sections: 1 },
          { tenderId: 'T-later', sections: 2 },
        ],
      },
      {
        consultantId: 'bo',
        name: 'Bo',
        teamId: 'east',
        hoursLast7Days: 0,
        weeklyCapacityHours: 32,
        tenders: [{ tenderId: 'T-later', sections: 1 }],
      },
      { consultantId: 'cy', name: 'Cy', teamId: 'west', hoursLast7Days: 0, weeklyCapacityHours: 40, tenders: [] },
    ]);
  });
});

describe('the time sheet', () => {
  it('is one row per opportunity and category, Monday to Sunday; time on no opportunity has none', () => {
    const monday = Date.UTC(2026, 2, 2);
    expect(
      timeSheet('ana', monday, [
        { opportunity_id: 'opp-1', category: 'customer_facing', day: '2026-03-02', hours: 2 },
        { opportunity_id: 'opp-1', category: 'customer_facing', day: '2026-03-04', hours: '1.5' },
        { opportunity_id: '', category: 'internal', day: '2026-03-08', hours: 1 },
      ]),
    ).toEqual({
      consultantId: 'ana',
      from: '2026-03-02',
      days: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'],
      rows: [
        { opportunityId: 'opp-1', category: 'customer_facing', hours: [2, 0, 1.5, 0, 0, 0, 0] },
        { opportunityId: null, category: 'internal', hours: [0, 0, 0, 0, 0, 0, 1] },
      ],
    });
  });
});
