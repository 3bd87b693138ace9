import { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { metaOf, validateCommand, type ValidCommandUnion, without } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { EntityId } from '../shared/primitives.js';
import {
  OPPORTUNITY_STAGES,
  OpportunityLostData,
  OpportunityQualifiedOutData,
  OpportunityRegisteredData,
  OpportunityWonData,
  PresalesSupportAcknowledgedData,
  PresalesSupportRequestedData,
  RequirementCapturedData,
  RequirementFitAssessedData,
  TechnicalDecisionRecordedData,
  type OpportunityEvent,
} from './opportunity.events.js';
import { checkOpportunityEvent } from './opportunity.rules.js';
import { currentStage, evolveOpportunity, type OpportunityState } from './opportunity.state.js';

const toOpportunity = { opportunityId: EntityId };

export const RegisterOpportunityData = OpportunityRegisteredData;
/** The stage it changes from is the current one: decide fills it in. */
export const ChangeOpportunityStageData = z.strictObject({ ...toOpportunity, to: z.enum(OPPORTUNITY_STAGES) });
export const RequestPresalesSupportData = PresalesSupportRequestedData.safeExtend(toOpportunity).meta(
  metaOf(PresalesSupportRequestedData),
);
export const AcknowledgePresalesSupportData = PresalesSupportAcknowledgedData.safeExtend(toOpportunity).meta(
  metaOf(PresalesSupportAcknowledgedData),
);
export const CaptureRequirementData = RequirementCapturedData.safeExtend(toOpportunity).meta(
  metaOf(RequirementCapturedData),
);
export const AssessRequirementFitData = RequirementFitAssessedData.safeExtend(toOpportunity).meta(
  metaOf(RequirementFitAssessedData),
);
export const RecordTechnicalDecisionData = TechnicalDecisionRecordedData.safeExtend(toOpportunity).meta(
  metaOf(TechnicalDecisionRecordedData),
);
export const WinOpportunityData = OpportunityWonData.safeExtend(toOpportunity).meta(metaOf(OpportunityWonData));
export const LoseOpportunityData = OpportunityLostData.safeExtend(toOpportunity).meta(metaOf(OpportunityLostData));
export const QualifyOutOpportunityData = OpportunityQualifiedOutData.safeExtend(toOpportunity).meta(
  metaOf(OpportunityQualifiedOutData),
);

export const OPPORTUNITY_COMMAND_SCHEMAS = {
  RegisterOpportunity: RegisterOpportunityData,
  ChangeOpportunityStage: ChangeOpportunityStageData,
  RequestPresalesSupport: RequestPresalesSupportData,
  AcknowledgePresalesSupport: AcknowledgePresalesSupportData,
  CaptureRequirement: CaptureRequirementData,
  AssessRequirementFit: AssessRequirementFitData,
  RecordTechnicalDecision: RecordTechnicalDecisionData,
  WinOpportunity: WinOpportunityData,
  LoseOpportunity: LoseOpportunityData,
  QualifyOutOpportunity: QualifyOutOpportunityData,
} as const;

export type RegisterOpportunity = Command<'RegisterOpportunity', z.input<typeof RegisterOpportunityData>>;
export type ChangeOpportunityStage = Command<'ChangeOpportunityStage', z.input<typeof ChangeOpportunityStageData>>;
export type RequestPresalesSupport = Command<'RequestPresalesSupport', z.input<typeof RequestPresalesSupportData>>;
export type AcknowledgePresalesSupport = Command<
  'AcknowledgePresalesSupport',
  z.input<typeof AcknowledgePresalesSupportData>
>;
export type CaptureRequirement = Command<'CaptureRequirement', z.input<typeof CaptureRequirementData>>;
export type AssessRequirementFit = Command<'AssessRequirementFit', z.input<typeof AssessRequirementFitData>>;
export type RecordTechnicalDecision = Command<'RecordTechnicalDecision', z.input<typeof RecordTechnicalDecisionData>>;
export type WinOpportunity = Command<'WinOpportunity', z.input<typeof WinOpportunityData>>;
export type LoseOpportunity = Command<'LoseOpportunity', z.input<typeof LoseOpportunityData>>;
export type QualifyOutOpportunity = Command<'QualifyOutOpportunity', z.input<typeof QualifyOutOpportunityData>>;

export type OpportunityCommand =
  | RegisterOpportunity
  | ChangeOpportunityStage
  | RequestPresalesSupport
  | AcknowledgePresalesSupport
  | CaptureRequirement
  | AssessRequirementFit
  | RecordTechnicalDecision
  | WinOpportunity
  | LoseOpportunity
  | QualifyOutOpportunity;

type ValidOpportunityCommand = ValidCommandUnion<typeof OPPORTUNITY_COMMAND_SCHEMAS>;

export function decideOpportunity(command: OpportunityCommand, state: OpportunityState): readonly OpportunityEvent[] {
  const valid = validateCommand(OPPORTUNITY_COMMAND_SCHEMAS, command);
  return checkedEvents(
    checkOpportunityEvent,
    evolveOpportunity,
    state,
    valid.data.opportunityId,
    valid.metadata.occurredAt,
    [opportunityEventFor(valid, state)],
  );
}

function opportunityEventFor(command: ValidOpportunityCommand, state: OpportunityState): OpportunityEvent {
  switch (command.type) {
    case 'RegisterOpportunity':
      return { type: 'OpportunityRegistered', data: command.data };
    case 'ChangeOpportunityStage':
      return { type: 'OpportunityStageChanged', data: { from: currentStage(state), to: command.data.to } };
    case 'RequestPresalesSupport':
      return { type: 'PresalesSupportRequested', data: without(command.data, 'opportunityId') };
    case 'AcknowledgePresalesSupport':
      return { type: 'PresalesSupportAcknowledged', data: without(command.data, 'opportunityId') };
    case 'CaptureRequirement':
      return { type: 'RequirementCaptured', data: without(command.data, 'opportunityId') };
    case 'AssessRequirementFit':
      return { type: 'RequirementFitAssessed', data: without(command.data, 'opportunityId') };
    case 'RecordTechnicalDecision':
      return { type: 'TechnicalDecisionRecorded', data: without(command.data, 'opportunityId') };
    case 'WinOpportunity':
      return { type: 'OpportunityWon', data: without(command.data, 'opportunityId') };
    case 'LoseOpportunity':
      return { type: 'OpportunityLost', data: without(command.data, 'opportunityId') };
    case 'QualifyOutOpportunity':
      return { type: 'OpportunityQualifiedOut', data: without(command.data, 'opportunityId') };
    default:
      return assertNever(command, 'opportunity command');
  }
}
