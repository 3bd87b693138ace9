import type { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { metaOf, validateCommand, type ValidCommandUnion, without } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { EntityId } from '../shared/primitives.js';
import {
  WarRoomClosedData,
  WarRoomMemberJoinedData,
  WarRoomMemberLeftData,
  WarRoomOpenedData,
  type WarRoomEvent,
} from './warroom.events.js';
import { checkWarRoomEvent } from './warroom.rules.js';
import { evolveWarRoom, type WarRoomState } from './warroom.state.js';

const toWarRoom = { warRoomId: EntityId };

export const OpenWarRoomData = WarRoomOpenedData;
export const JoinWarRoomData = WarRoomMemberJoinedData.safeExtend(toWarRoom).meta(metaOf(WarRoomMemberJoinedData));
export const LeaveWarRoomData = WarRoomMemberLeftData.safeExtend(toWarRoom).meta(metaOf(WarRoomMemberLeftData));
export const CloseWarRoomData = WarRoomClosedData.safeExtend(toWarRoom).meta(metaOf(WarRoomClosedData));

export const WARROOM_COMMAND_SCHEMAS = {
  OpenWarRoom: OpenWarRoomData,
  JoinWarRoom: JoinWarRoomData,
  LeaveWarRoom: LeaveWarRoomData,
  CloseWarRoom: CloseWarRoomData,
} as const;

export type OpenWarRoom = Command<'OpenWarRoom', z.input<typeof OpenWarRoomData>>;
export type JoinWarRoom = Command<'JoinWarRoom', z.input<typeof JoinWarRoomData>>;
export type LeaveWarRoom = Command<'LeaveWarRoom', z.input<typeof LeaveWarRoomData>>;
export type CloseWarRoom = Command<'CloseWarRoom', z.input<typeof CloseWarRoomData>>;

export type WarRoomCommand = OpenWarRoom | JoinWarRoom | LeaveWarRoom | CloseWarRoom;

type ValidWarRoomCommand = ValidCommandUnion<typeof WARROOM_COMMAND_SCHEMAS>;

export function decideWarRoom(command: WarRoomCommand, state: WarRoomState): readonly WarRoomEvent[] {
  const valid = validateCommand(WARROOM_COMMAND_SCHEMAS, command);
  return checkedEvents(checkWarRoomEvent, evolveWarRoom, state, valid.data.warRoomId, valid.metadata.occurredAt, [
    warRoomEventFor(valid),
  ]);
}

function warRoomEventFor(command: ValidWarRoomCommand): WarRoomEvent {
  switch (command.type) {
    case 'OpenWarRoom':
      return { type: 'WarRoomOpened', data: command.data };
    case 'JoinWarRoom':
      return { type: 'WarRoomMemberJoined', data: without(command.data, 'warRoomId') };
    case 'LeaveWarRoom':
      return { type: 'WarRoomMemberLeft', data: without(command.data, 'warRoomId') };
    case 'CloseWarRoom':
      return { type: 'WarRoomClosed', data: without(command.data, 'warRoomId') };
    default:
      return assertNever(command, 'war room command');
  }
}
