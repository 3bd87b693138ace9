import { describe, expect, it } from 'vitest';
import { foldEvents } from '../shared/decider.js';
import { IllegalStateError, NotFoundError, ValidationError } from '../shared/errors.js';
import { commandOf } from '../testing/command-fixture.js';
import { deciderSpecification } from '../testing/decider-specification.js';
import type { WarRoomCommand } from './warroom.commands.js';
import { warRoomDecider } from './warroom.decider.js';
import type { WarRoomEvent } from './warroom.events.js';

const spec = deciderSpecification(warRoomDecider);
const cmd = commandOf<WarRoomCommand, WarRoomCommand['type']>;
const warRoomId = 'W-1';

const opening = {
  warRoomId,
  opportunityId: 'O-1',
  tenderId: 'T-9',
  commanderId: 'C-1',
  memberIds: ['C-2', 'C-3'],
  reason: 'national grid tender',
};
const opened: WarRoomEvent = { type: 'WarRoomOpened', data: { ...opening, allocationPct: 50 } };
const joined: WarRoomEvent = { type: 'WarRoomMemberJoined', data: { consultantId: 'C-4' } };
const left: WarRoomEvent = { type: 'WarRoomMemberLeft', data: { consultantId: 'C-2' } };
const closed: WarRoomEvent = { type: 'WarRoomClosed', data: { outcome: 'bid submitted' } };

const open = cmd('OpenWarRoom', opening);
const join = (consultantId: string) => cmd('JoinWarRoom', { warRoomId, consultantId });
const leave = (consultantId: string) => cmd('LeaveWarRoom', { warRoomId, consultantId });
const close = cmd('CloseWarRoom', { warRoomId, outcome: 'bid submitted' });

describe('OpenWarRoom', () => {
  it('opens with each member at 50 % unless told otherwise', () => {
    spec.given([]).when(open).then([opened]);
    spec
      .given([])
      .when(cmd('OpenWarRoom', { ...opening, allocationPct: 80 }))
      .then([{ type: 'WarRoomOpened', data: { ...opening, allocationPct: 80 } }]);
  });

  it('opens once', () => {
    spec
      .given([opened])
      .when(open)
      .thenThrows(IllegalStateError, 'war room W-1: WarRoomOpened already recorded for this war room');
  });

  it('takes a share of time above 0 and at most 100', () => {
    spec
      .given([])
      .when(cmd('OpenWarRoom', { ...opening, allocationPct: 120 }))
      .thenThrows(ValidationError, 'OpenWarRoom: allocationPct = 120: must be at most 100');
  });

  it('counts the commander as a member', () => {
    const state = foldEvents(warRoomDecider, [opened]);
    expect(state.status === 'open' && [...state.memberIds].sort()).toEqual(['C-1', 'C-2', 'C-3']);
  });
});

describe('JoinWarRoom and LeaveWarRoom', () => {
  it('adds and removes members', () => {
    spec.given([opened]).when(join('C-4')).then([joined]);
    spec.given([opened]).when(leave('C-2')).then([left]);
    spec
      .given([opened, left])
      .when(join('C-2'))
      .then([{ type: 'WarRoomMemberJoined', data: { consultantId: 'C-2' } }]);
  });

  it('rejects a member joining twice', () => {
    spec.given([opened]).when(join('C-2')).thenThrows(IllegalStateError, 'war room W-1: C-2 is already a member');
    spec.given([opened]).when(join('C-1')).thenThrows(IllegalStateError, 'war room W-1: C-1 is already a member');
  });

  it('rejects a non-member leaving, and the commander leaving', () => {
    spec
      .given([opened])
      .when(leave('C-9'))
      .thenThrows(
        NotFoundError,
        'war room W-1 member C-9: not found (WarRoomMemberLeft needs the consultant to be a member)',
      );
    spec
      .given([opened, left])
      .when(leave('C-2'))
      .thenThrows(NotFoundError, /member C-2: not found/);
    spec
      .given([opened])
      .when(leave('C-1'))
      .thenThrows(IllegalStateError, 'war room W-1: the commander C-1 cannot leave: close the war room instead');
  });

  it('needs the war room first', () => {
    spec
      .given([])
      .when(join('C-4'))
      .thenThrows(NotFoundError, 'war room W-1: not found (WarRoomMemberJoined needs WarRoomOpened first)');
  });
});

describe('CloseWarRoom', () => {
  it('closes the war room, which then accepts nothing', () => {
    spec.given([opened]).when(close).then([closed]);
    spec
      .given([opened, closed])
      .when(join('C-4'))
      .thenThrows(IllegalStateError, 'war room W-1: WarRoomMemberJoined after the war room was closed');
    spec
      .given([opened, closed])
      .when(close)
      .thenThrows(IllegalStateError, 'war room W-1: WarRoomClosed after the war room was closed');
    expect(foldEvents(warRoomDecider, [opened, closed]).status).toBe('closed');
  });
});
