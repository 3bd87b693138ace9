import { IllegalStateError, NotFoundError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { checkAddressee, checkCreation, notCreated } from '../shared/rules.js';
import type { WarRoomEvent } from './warroom.events.js';
import type { WarRoomState } from './warroom.state.js';

/** Members join once and leave once; the commander stays until the war room closes; closed accepts nothing. */
export function checkWarRoomEvent(state: WarRoomState, event: WarRoomEvent, warRoomId: string): void {
  const subject = `war room ${warRoomId}`;
  const reject = (rule: string) => new IllegalStateError(subject, rule);
  if (event.type === 'WarRoomOpened')
    return checkCreation('war room', warRoomId, state.status !== 'none', event.type, event.data.warRoomId);
  if (state.status === 'none') throw notCreated(subject, event.type, 'WarRoomOpened');
  checkAddressee(`war room ${state.warRoom.warRoomId}`, state.warRoom.warRoomId, warRoomId, event.type);
  if (state.status === 'closed') throw reject(`${event.type} after the war room was closed`);
  switch (event.type) {
    case 'WarRoomMemberJoined':
      if (state.memberIds.has(event.data.consultantId)) throw reject(`${event.data.consultantId} is already a member`);
      return;
    case 'WarRoomMemberLeft':
      if (event.data.consultantId === state.warRoom.commanderId)
        throw reject(`the commander ${event.data.consultantId} cannot leave: close the war room instead`);
      if (!state.memberIds.has(event.data.consultantId)) {
        throw new NotFoundError(
          `${subject} member ${event.data.consultantId}`,
          'WarRoomMemberLeft needs the consultant to be a member',
        );
      }
      return;
    case 'WarRoomClosed':
      return;
    default:
      assertNever(event, 'war room event');
  }
}
