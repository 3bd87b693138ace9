import { assertNever } from '../shared/message.js';
import type { WarRoomEvent } from './warroom.events.js';

export interface WarRoomFacts {
  readonly warRoomId: string;
  readonly opportunityId: string;
  readonly commanderId: string;
  readonly allocationPct: number;
}

/** Wartime organisation: consultants pulled across teams for one big bid, until closed. */
export type WarRoomState =
  | { readonly status: 'none' }
  | { readonly status: 'open'; readonly warRoom: WarRoomFacts; readonly memberIds: ReadonlySet<string> }
  | { readonly status: 'closed'; readonly warRoom: WarRoomFacts };

export const initialWarRoomState: WarRoomState = { status: 'none' };

export function evolveWarRoom(state: WarRoomState, event: WarRoomEvent): WarRoomState {
  if (event.type === 'WarRoomOpened') {
    const { warRoomId, opportunityId, commanderId, memberIds, allocationPct } = event.data;
    return {
      status: 'open',
      warRoom: { warRoomId, opportunityId, commanderId, allocationPct },
      memberIds: new Set([commanderId, ...memberIds]),
    };
  }
  if (state.status !== 'open') return state;
  switch (event.type) {
    case 'WarRoomMemberJoined':
      return { ...state, memberIds: new Set(state.memberIds).add(event.data.consultantId) };
    case 'WarRoomMemberLeft': {
      const memberIds = new Set(state.memberIds);
      memberIds.delete(event.data.consultantId);
      return { ...state, memberIds };
    }
    case 'WarRoomClosed':
      return { status: 'closed', warRoom: state.warRoom };
    default:
      return assertNever(event, 'war room event');
  }
}
