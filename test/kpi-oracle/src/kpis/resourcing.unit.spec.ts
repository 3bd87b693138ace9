import { describe, expect, it } from 'vitest';
import { buildModel } from '../model/model.js';
import { millis } from '../model/time.js';
import { oracleKpi } from '../oracle.js';
import { oracleQuery } from '../testing/query.js';
import { Scenario } from '../testing/scenario.js';
import { isWarRoomMemberAt, mondaysIn } from './resourcing.js';

/**
 * c1 (team-a, erp), 40 h a week, onboarded 2026-01-01: in March 8 h customer_facing, 6 h solution,
 *   4 h bid_writing (recorded 04-02), 5 h internal; 8 h solution in February.
 * c2 (team-b, crm), 35 h a week, onboarded 2026-03-11 12:00, offboarded 2026-03-25 00:00
 *   (13.5 days of March): 7.5 h customer_facing.
 * c3 (team-a) is onboarded only in April.
 */
function timesheets(): Scenario {
  return new Scenario()
    .consultant('c1', '2026-01-01T00:00:00Z', { teamId: 'team-a', productLines: ['erp'], weeklyCapacityHours: 40 })
    .consultant('c2', '2026-03-11T12:00:00Z', { teamId: 'team-b', productLines: ['crm'], weeklyCapacityHours: 35 })
    .consultant('c3', '2026-04-01T00:00:00Z', { teamId: 'team-a' })
    .timeLogged('c1', 'E1', 8, 'customer_facing', '2026-03-02T18:00:00Z')
    .timeLogged('c1', 'E2', 6, 'solution', '2026-03-03T18:00:00Z')
    .timeLogged('c1', 'E3', 4, 'bid_writing', { at: '2026-03-04T18:00:00Z', recordedAt: '2026-04-02T00:00:00Z' })
    .timeLogged('c1', 'E4', 5, 'internal', '2026-03-05T18:00:00Z')
    .timeLogged('c1', 'E5', 8, 'solution', '2026-02-27T18:00:00Z')
    .timeLogged('c2', 'E6', 7.5, 'customer_facing', '2026-03-12T18:00:00Z')
    .offboarded('c2', '2026-03-25T00:00:00Z');
}

describe('utilization: presales hours ÷ capacity hours while onboarded in P', () => {
  const events = timesheets().events;
  // Capacity: c1 40 × 31 ÷ 7 = 1240/7; c2 35 × 13.5 ÷ 7 = 472.5/7.
  it('uses fractional days of onboarding', () => {
    expect(oracleKpi('utilization', events, oracleQuery('2026-03'))).toBeCloseTo((25.5 * 7) / 1712.5, 12);
    expect(
      oracleKpi('utilization', events, oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c2' } })),
    ).toBeCloseTo(7.5 / 67.5, 12);
    expect(
      oracleKpi('utilization', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBeCloseTo(7.5 / 67.5, 12);
  });

  it('scopes by team over a quarter and leaves out hours recorded after asOf', () => {
    // team-a = c1 (c3 adds no capacity in Q1): 26 h ÷ (40 × 90 ÷ 7).
    expect(
      oracleKpi('utilization', events, oracleQuery('2026-Q1', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBeCloseTo((26 * 7) / 3600, 12);
    expect(oracleKpi('utilization', events, oracleQuery('2026-03', { asOf: '2026-04-01T00:00:00Z' }))).toBeCloseTo(
      (21.5 * 7) / 1712.5,
      12,
    );
  });

  it('is null without capacity', () => {
    expect(
      oracleKpi('utilization', events, oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c3' } })),
    ).toBeNull();
    expect(oracleKpi('utilization', events, oracleQuery('2025-12'))).toBeNull();
  });
});

/**
 * Mondays of March 2026: 2, 9, 16, 23, 30.
 * c1: X1 60 % on O1 from 03-01 to 03-20; X2 50 % on O2 from 03-09 to 03-31, released 03-23 00:00;
 *     member of war room W1 (30 %, opened 03-15, closed 03-29 12:00).
 *     Load 60, 110, 140, 30, 0 → 2 overloaded weeks of 5.
 * c2: onboarded 03-11 12:00, offboarded 03-25 → weeks of 16 and 23. X3 60 % all March; commander of
 *     W2 (default 50 %, memberIds empty, opened 03-20): a member all the same. Load 60, 110 → 1 of 2.
 */
function loads(): Scenario {
  return new Scenario()
    .consultant('c1', '2026-01-01T00:00:00Z', { teamId: 'team-a' })
    .consultant('c2', '2026-03-11T12:00:00Z', { teamId: 'team-b' })
    .consultant('c3', '2026-04-01T00:00:00Z', { teamId: 'team-a' })
    .assigned('c1', 'X1', 'O1', 60, '2026-03-01', '2026-03-20', '2026-02-25T00:00:00Z')
    .assigned('c1', 'X2', 'O2', 50, '2026-03-09', '2026-03-31', '2026-02-25T00:00:00Z')
    .assigned('c2', 'X3', 'O3', 60, '2026-03-01', '2026-03-31', '2026-03-11T12:00:00Z')
    .warRoomOpened('W1', 'O1', 'c9', ['c1'], '2026-03-15T00:00:00Z', 30)
    .warRoomOpened('W2', 'O3', 'c2', [], '2026-03-20T00:00:00Z')
    .released('c1', 'X2', '2026-03-23T00:00:00Z')
    .offboarded('c2', '2026-03-25T00:00:00Z')
    .warRoomClosed('W1', '2026-03-29T12:00:00Z');
}

describe('overload_share: consultant-weeks over 100 % ÷ consultant-weeks', () => {
  const events = loads().events;

  it('counts assignments by date, releases, war rooms and onboarding at each Monday', () => {
    expect(oracleKpi('overload_share', events, oracleQuery('2026-03'))).toBe(3 / 7);
    expect(oracleKpi('overload_share', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } }))).toBe(
      2 / 5,
    );
    expect(
      oracleKpi('overload_share', events, oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c2' } })),
    ).toBe(1 / 2);
  });

  it('knows only what is recorded by asOf', () => {
    // At 03-16 12:00 nobody is released or offboarded, W2 is not open and W1 not closed yet;
    // later Mondays count from what is known. c1: 60, 110, 140, 50 + 30, 50 + 30 → 2 of 5;
    // c2 (no offboarding known): 60 on 16, 23 and 30 → 0 of 3.
    expect(oracleKpi('overload_share', events, oracleQuery('2026-03', { asOf: '2026-03-16T12:00:00Z' }))).toBe(2 / 8);
  });

  it('is null without consultant-weeks', () => {
    expect(
      oracleKpi('overload_share', events, oracleQuery('2026-03', { scope: { kind: 'consultant', id: 'c3' } })),
    ).toBeNull();
  });

  it('lists the Mondays of a period at 00:00 UTC', () => {
    expect(
      mondaysIn(millis('2026-03-01T00:00:00Z'), millis('2026-04-01T00:00:00Z')).map((ms) =>
        new Date(ms).toISOString().slice(0, 10),
      ),
    ).toEqual(['2026-03-02', '2026-03-09', '2026-03-16', '2026-03-23', '2026-03-30']);
    expect(mondaysIn(millis('2026-01-01T00:00:00Z'), millis('2026-04-01T00:00:00Z'))).toHaveLength(13);
    expect(mondaysIn(millis('2026-06-01T00:00:00Z'), millis('2026-07-01T00:00:00Z'))[0]).toBe(
      millis('2026-06-01T00:00:00Z'),
    );
  });

  it('counts war-room joins against leaves, at or before M', () => {
    const model = buildModel(
      new Scenario()
        .warRoomOpened('W', 'O1', 'boss', ['a'], '2026-03-01T00:00:00Z')
        .warRoomJoined('W', 'a', '2026-03-02T00:00:00Z')
        .warRoomLeft('W', 'a', '2026-03-03T00:00:00Z')
        .warRoomLeft('W', 'a', '2026-03-04T00:00:00Z').events,
      millis('2030-01-01T00:00:00Z'),
    );
    const room = model.warRooms.get('W')!;
    expect(isWarRoomMemberAt(room, 'a', millis('2026-02-28T00:00:00Z'))).toBe(false);
    expect(isWarRoomMemberAt(room, 'a', millis('2026-03-01T00:00:00Z'))).toBe(true);
    expect(isWarRoomMemberAt(room, 'a', millis('2026-03-03T00:00:00Z'))).toBe(true); // 2 joins, 1 leave
    expect(isWarRoomMemberAt(room, 'a', millis('2026-03-04T00:00:00Z'))).toBe(false);
    expect(isWarRoomMemberAt(room, 'boss', millis('2026-02-28T00:00:00Z'))).toBe(false);
    expect(isWarRoomMemberAt(room, 'boss', millis('2026-03-04T00:00:00Z'))).toBe(true); // the commander, not in memberIds
  });
});
