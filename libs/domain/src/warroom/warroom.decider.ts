import type { Aggregate } from '../shared/aggregate.js';
import { decideWarRoom, type WarRoomCommand } from './warroom.commands.js';
import type { WarRoomEvent } from './warroom.events.js';
import { checkWarRoomEvent } from './warroom.rules.js';
import { evolveWarRoom, initialWarRoomState, type WarRoomState } from './warroom.state.js';

export const warRoomDecider: Aggregate<WarRoomCommand, WarRoomEvent, WarRoomState> = {
  category: 'warroom',
  initialState: initialWarRoomState,
  decide: decideWarRoom,
  evolve: evolveWarRoom,
  check: checkWarRoomEvent,
};
