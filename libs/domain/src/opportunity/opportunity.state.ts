import type { Money } from '../money/money.js';
import { GrowOnlyMap } from '../shared/grow-only-map.js';
import { assertNever } from '../shared/message.js';
import type { ProjectType } from '../shared/vocabulary.js';
import {
  INITIAL_OPPORTUNITY_STAGE,
  type OpportunityEvent,
  type OpportunityLost,
  type OpportunityStage,
  type TechnicalOutcome,
} from './opportunity.events.js';

export interface OpportunityFacts {
  readonly opportunityId: string;
  readonly projectType: ProjectType;
  readonly estimatedValue: Money;
}

export interface SupportRequest {
  /** The consultant who acknowledged it; undefined while it waits. */
  readonly acknowledgedBy: string | undefined;
}

export interface Requirement {
  readonly fit: 'unassessed' | 'standard' | 'configurable' | 'custom' | 'gap';
}

interface Common {
  readonly opportunity: OpportunityFacts;
  /** The current stage; for a closed opportunity, the stage it closed in. */
  readonly stage: OpportunityStage;
}

/** `won`, `lost` and `qualified_out` are closed: a closed opportunity accepts nothing. */
export type OpportunityState =
  | { readonly status: 'none' }
  | (Common & {
      readonly status: 'open';
      readonly requests: GrowOnlyMap<string, SupportRequest>;
      readonly requirements: GrowOnlyMap<string, Requirement>;
      readonly technicalDecision: TechnicalOutcome | undefined;
    })
  | (Common & { readonly status: 'won'; readonly amount: Money })
  | (Common & { readonly status: 'lost'; readonly reason: OpportunityLost['data']['reason'] })
  | (Common & { readonly status: 'qualified_out' });

export const initialOpportunityState: OpportunityState = { status: 'none' };

export function evolveOpportunity(state: OpportunityState, event: OpportunityEvent): OpportunityState {
  if (event.type === 'OpportunityRegistered') {
    const { opportunityId, projectType, estimatedValue } = event.data;
    return {
      status: 'open',
      opportunity: { opportunityId, projectType, estimatedValue },
      stage: INITIAL_OPPORTUNITY_STAGE,
      requests: GrowOnlyMap.empty(),
      requirements: GrowOnlyMap.empty(),
      technicalDecision: undefined,
    };
  }
  if (state.status !== 'open') return state;
  const closed = { opportunity: state.opportunity, stage: state.stage };
  switch (event.type) {
    case 'OpportunityStageChanged':
      return { ...state, stage: event.data.to };
    case 'PresalesSupportRequested':
      return { ...state, requests: state.requests.with(event.data.requestId, { acknowledgedBy: undefined }) };
    case 'PresalesSupportAcknowledged':
      return {
        ...state,
        requests: state.requests.with(event.data.requestId, { acknowledgedBy: event.data.consultantId }),
      };
    case 'RequirementCaptured':
      return { ...state, requirements: state.requirements.with(event.data.requirementId, { fit: 'unassessed' }) };
    case 'RequirementFitAssessed':
      return { ...state, requirements: state.requirements.with(event.data.requirementId, { fit: event.data.fit }) };
    case 'TechnicalDecisionRecorded':
      return { ...state, technicalDecision: event.data.outcome };
    case 'OpportunityWon':
      return { ...closed, status: 'won', amount: event.data.amount };
    case 'OpportunityLost':
      return { ...closed, status: 'lost', reason: event.data.reason };
    case 'OpportunityQualifiedOut':
      return { ...closed, status: 'qualified_out' };
    default:
      return assertNever(event, 'opportunity event');
  }
}

/** The stage a stage change starts from: the current one, or the initial one before registration. */
export function currentStage(state: OpportunityState): OpportunityStage {
  return state.status === 'none' ? INITIAL_OPPORTUNITY_STAGE : state.stage;
}
