import { IllegalStateError, NotFoundError } from '../shared/errors.js';
import { assertNever } from '../shared/message.js';
import { checkAddressee, checkCreation, notCreated } from '../shared/rules.js';
import type { OpportunityEvent } from './opportunity.events.js';
import type { OpportunityState } from './opportunity.state.js';

const CLOSED_AS = { won: 'won', lost: 'lost', qualified_out: 'qualified out' } as const;

/**
 * DOMAIN.md: nothing after Won/Lost/QualifiedOut (closed); acknowledging an unknown request,
 * assessing an unknown requirement, or a stage change to the current stage is rejected. Beyond
 * it: ids of requests and requirements are unique, a request is acknowledged once, a stage change
 * starts from the current stage, and the technical decision is recorded once.
 */
export function checkOpportunityEvent(state: OpportunityState, event: OpportunityEvent, opportunityId: string): void {
  const subject = `opportunity ${opportunityId}`;
  const reject = (rule: string, fields: readonly string[] = []) => new IllegalStateError(subject, rule, fields);
  if (event.type === 'OpportunityRegistered') {
    return checkCreation('opportunity', opportunityId, state.status !== 'none', event.type, event.data.opportunityId);
  }
  if (state.status === 'none') throw notCreated(subject, event.type, 'OpportunityRegistered');
  checkAddressee(
    `opportunity ${state.opportunity.opportunityId}`,
    state.opportunity.opportunityId,
    opportunityId,
    event.type,
  );
  if (state.status !== 'open')
    throw reject(
      `${event.type} after the opportunity was ${CLOSED_AS[state.status]}: a closed opportunity accepts nothing`,
    );
  switch (event.type) {
    case 'OpportunityStageChanged':
      if (event.data.to === state.stage) throw reject(`stage change to the current stage ${state.stage}`, ['to']);
      if (event.data.from !== state.stage)
        throw reject(`OpportunityStageChanged from ${event.data.from}, but the opportunity is at ${state.stage}`);
      return;
    case 'PresalesSupportRequested':
      if (state.requests.has(event.data.requestId))
        throw reject(`support request ${event.data.requestId} already recorded`, ['requestId']);
      return;
    case 'PresalesSupportAcknowledged': {
      const request = state.requests.get(event.data.requestId);
      if (request === undefined) {
        throw new NotFoundError(
          `${subject} support request ${event.data.requestId}`,
          'PresalesSupportAcknowledged needs PresalesSupportRequested first',
        );
      }
      if (request.acknowledgedBy !== undefined)
        throw reject(`support request ${event.data.requestId} already acknowledged by ${request.acknowledgedBy}`, [
          'requestId',
        ]);
      return;
    }
    case 'RequirementCaptured':
      if (state.requirements.has(event.data.requirementId))
        throw reject(`requirement ${event.data.requirementId} already captured`, ['requirementId']);
      return;
    case 'RequirementFitAssessed':
      if (!state.requirements.has(event.data.requirementId)) {
        throw new NotFoundError(
          `${subject} requirement ${event.data.requirementId}`,
          'RequirementFitAssessed needs RequirementCaptured first',
        );
      }
      return;
    case 'TechnicalDecisionRecorded':
      if (state.technicalDecision !== undefined)
        throw reject(`technical decision already recorded: ${state.technicalDecision}`);
      return;
    case 'OpportunityWon':
    case 'OpportunityLost':
    case 'OpportunityQualifiedOut':
      return;
    default:
      assertNever(event, 'opportunity event');
  }
}
