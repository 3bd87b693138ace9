import { describe, expect, it } from 'vitest';
import { foldEvents } from '../shared/decider.js';
import { warRoomDecider } from '../warroom/warroom.decider.js';
import type { WarRoomEvent } from '../warroom/warroom.events.js';
import { consultantDecider } from './consultant.decider.js';
import type { ConsultantEvent } from './consultant.events.js';
import { capacityHoursOver, consultantLoadOn } from './consultant.load.js';
import type { ConsultantRecord } from './consultant.state.js';

const onboarded: ConsultantEvent = {
  type: 'ConsultantOnboarded',
  data: { consultantId: 'C-1', name: 'Li Wei', teamId: 'TEAM-E', level: 'senior', productLines: [], skills: [], weeklyCapacityHours: 37.5, hourlyCost: { amount: '450', currency: 'CNY' } },
};
const assigned = (assignmentId: string, allocationPct: number, from: string, to: string): ConsultantEvent => ({
  type: 'ConsultantAssigned',
  data: { assignmentId, opportunityId: `O-${assignmentId}`, role: 'support', allocationPct, from, to },
});
const consultant = (...events: ConsultantEvent[]): ConsultantRecord => {
  const state = foldEvents(consultantDecider, [onboarded, ...events]);
  if (state.status === 'none') throw new Error('not onboarded');
  return state;
};
const warRoom = (warRoomId: string, commanderId: string, memberIds: string[], allocationPct: number, ...more: WarRoomEvent[]) =>
  foldEvents(warRoomDecider, [{ type: 'WarRoomOpened', data: { warRoomId, opportunityId: 'O-BIG', commanderId, memberIds, allocationPct, reason: 'big bid' } }, ...more]);

describe('consultant load', () => {
  it('counts assignments active on the day, inclusive of both ends, and not released ones', () => {
    const record = consultant(
      assigned('A', 30, '2026-03-02', '2026-03-06'),
      assigned('B', 25.5, '2026-03-06', '2026-03-31'),
      assigned('C', 40, '2026-03-07', '2026-03-31'),
      assigned('D', 10, '2026-03-01', '2026-03-31'),
      { type: 'ConsultantReleased', data: { assignmentId: 'D' } },
    );
    const load = consultantLoadOn(record, '2026-03-06', []);
    expect(load.assignments.map((share) => share.id)).toEqual(['A', 'B']);
    expect(load.assignmentPct).toBe('55.5');
    expect(load.allocationPct).toBe('55.5');
    // 37.5 × 55.5 % = 20.8125 → 20.81 (half_even)
    expect(load.allocatedHours).toBe('20.81');
    expect(load.availableHours).toBe('16.69');
    expect(load.overloaded).toBe(false);
  });

  it('counts war-room time: members and the commander, open war rooms only', () => {
    const record = consultant(assigned('A', 60, '2026-03-01', '2026-03-31'));
    const rooms = [
      warRoom('W-1', 'C-9', ['C-1'], 50),
      warRoom('W-2', 'C-1', [], 20),
      warRoom('W-3', 'C-9', ['C-1'], 50, { type: 'WarRoomClosed', data: { outcome: 'done' } }),
      warRoom('W-4', 'C-9', ['C-1'], 50, { type: 'WarRoomMemberLeft', data: { consultantId: 'C-1' } }),
      warRoom('W-5', 'C-9', ['C-2'], 50),
      warRoomDecider.initialState,
    ];
    const load = consultantLoadOn(record, '2026-03-10', rooms);
    expect(load.warRooms.map((share) => share.id)).toEqual(['W-1', 'W-2']);
    expect(load.warRoomPct).toBe('70');
    expect(load.allocationPct).toBe('130');
    expect(load.allocatedHours).toBe('48.75');
    expect(load.availableHours).toBe('-11.25');
    expect(load.overloaded).toBe(true);
  });

  it('is not overloaded at exactly 100 %', () => {
    const record = consultant(assigned('A', 50, '2026-03-01', '2026-03-31'));
    expect(consultantLoadOn(record, '2026-03-10', [warRoom('W-1', 'C-1', [], 50)])).toMatchObject({ allocationPct: '100', overloaded: false, availableHours: '0' });
  });

  it('is empty without assignments or war rooms', () => {
    expect(consultantLoadOn(consultant(), '2026-03-10', [])).toMatchObject({ allocationPct: '0', allocatedHours: '0', availableHours: '37.5', weeklyCapacityHours: '37.5' });
  });
});

describe('capacity hours', () => {
  it('is weekly capacity × days ÷ 7', () => {
    expect(capacityHoursOver(40, 7)).toBe('40');
    expect(capacityHoursOver(40, 31)).toBe('177.14');
    expect(capacityHoursOver(37.5, 30)).toBe('160.71');
    expect(capacityHoursOver(40, 0)).toBe('0');
  });

  it('takes whole days', () => {
    expect(() => capacityHoursOver(40, 1.5)).toThrow('days must be a whole number ≥ 0, got 1.5');
    expect(() => capacityHoursOver(40, -1)).toThrow(RangeError);
  });
});
