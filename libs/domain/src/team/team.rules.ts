import { IllegalStateError, NotFoundError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { checkAddressee, checkCreation, notCreated } from '../shared/rules.js';
import type { TeamEvent } from './team.events.js';
import type { TeamState } from './team.state.js';

/** A consultant is added once and removed only while a member. */
export function checkTeamEvent(state: TeamState, event: TeamEvent, teamId: string): void {
  const subject = `team ${teamId}`;
  if (event.type === 'TeamFormed')
    return checkCreation('team', teamId, state.status !== 'none', event.type, event.data.teamId);
  if (state.status === 'none') throw notCreated(subject, event.type, 'TeamFormed');
  checkAddressee(`team ${state.team.teamId}`, state.team.teamId, teamId, event.type);
  switch (event.type) {
    case 'TeamMemberAdded':
      if (state.memberIds.has(event.data.consultantId))
        throw new IllegalStateError(subject, `${event.data.consultantId} is already a member`);
      return;
    case 'TeamMemberRemoved':
      if (!state.memberIds.has(event.data.consultantId)) {
        throw new NotFoundError(
          `${subject} member ${event.data.consultantId}`,
          'TeamMemberRemoved needs the consultant to be a member',
        );
      }
      return;
    default:
      assertNever(event, 'team event');
  }
}
