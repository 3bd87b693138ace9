import type { z } from 'zod';
import { checkedEvents } from '../shared/aggregate.js';
import { metaOf, validateCommand, type ValidCommandUnion, without } from '../shared/command.js';
import { assertNever, type Command } from '../shared/message.js';
import { EntityId } from '../shared/primitives.js';
import {
  ConsultantAssignedData,
  ConsultantOffboardedData,
  ConsultantOnboardedData,
  ConsultantReleasedData,
  GrowthGoalAchievedData,
  GrowthGoalSetData,
  SkillCertifiedData,
  TimeLoggedData,
  type ConsultantEvent,
} from './consultant.events.js';
import { checkConsultantEvent } from './consultant.rules.js';
import { evolveConsultant, type ConsultantState } from './consultant.state.js';

const toConsultant = { consultantId: EntityId };

export const OnboardConsultantData = ConsultantOnboardedData;
export const AssignConsultantData = ConsultantAssignedData.safeExtend(toConsultant).meta(
  metaOf(ConsultantAssignedData),
);
export const ReleaseConsultantData = ConsultantReleasedData.safeExtend(toConsultant).meta(
  metaOf(ConsultantReleasedData),
);
export const LogTimeData = TimeLoggedData.safeExtend(toConsultant).meta(metaOf(TimeLoggedData));
export const CertifySkillData = SkillCertifiedData.safeExtend(toConsultant).meta(metaOf(SkillCertifiedData));
export const SetGrowthGoalData = GrowthGoalSetData.safeExtend(toConsultant).meta(metaOf(GrowthGoalSetData));
export const AchieveGrowthGoalData = GrowthGoalAchievedData.safeExtend(toConsultant).meta(
  metaOf(GrowthGoalAchievedData),
);
export const OffboardConsultantData = ConsultantOffboardedData.safeExtend(toConsultant).meta(
  metaOf(ConsultantOffboardedData),
);

export const CONSULTANT_COMMAND_SCHEMAS = {
  OnboardConsultant: OnboardConsultantData,
  AssignConsultant: AssignConsultantData,
  ReleaseConsultant: ReleaseConsultantData,
  LogTime: LogTimeData,
  CertifySkill: CertifySkillData,
  SetGrowthGoal: SetGrowthGoalData,
  AchieveGrowthGoal: AchieveGrowthGoalData,
  OffboardConsultant: OffboardConsultantData,
} as const;

export type OnboardConsultant = Command<'OnboardConsultant', z.input<typeof OnboardConsultantData>>;
export type AssignConsultant = Command<'AssignConsultant', z.input<typeof AssignConsultantData>>;
export type ReleaseConsultant = Command<'ReleaseConsultant', z.input<typeof ReleaseConsultantData>>;
export type LogTime = Command<'LogTime', z.input<typeof LogTimeData>>;
export type CertifySkill = Command<'CertifySkill', z.input<typeof CertifySkillData>>;
export type SetGrowthGoal = Command<'SetGrowthGoal', z.input<typeof SetGrowthGoalData>>;
export type AchieveGrowthGoal = Command<'AchieveGrowthGoal', z.input<typeof AchieveGrowthGoalData>>;
export type OffboardConsultant = Command<'OffboardConsultant', z.input<typeof OffboardConsultantData>>;

export type ConsultantCommand =
  | OnboardConsultant
  | AssignConsultant
  | ReleaseConsultant
  | LogTime
  | CertifySkill
  | SetGrowthGoal
  | AchieveGrowthGoal
  | OffboardConsultant;

type ValidConsultantCommand = ValidCommandUnion<typeof CONSULTANT_COMMAND_SCHEMAS>;

export function decideConsultant(command: ConsultantCommand, state: ConsultantState): readonly ConsultantEvent[] {
  const valid = validateCommand(CONSULTANT_COMMAND_SCHEMAS, command);
  return checkedEvents(
    checkConsultantEvent,
    evolveConsultant,
    state,
    valid.data.consultantId,
    valid.metadata.occurredAt,
    [consultantEventFor(valid)],
  );
}

function consultantEventFor(command: ValidConsultantCommand): ConsultantEvent {
  switch (command.type) {
    case 'OnboardConsultant':
      return { type: 'ConsultantOnboarded', data: command.data };
    case 'AssignConsultant':
      return { type: 'ConsultantAssigned', data: without(command.data, 'consultantId') };
    case 'ReleaseConsultant':
      return { type: 'ConsultantReleased', data: without(command.data, 'consultantId') };
    case 'LogTime':
      return { type: 'TimeLogged', data: without(command.data, 'consultantId') };
    case 'CertifySkill':
      return { type: 'SkillCertified', data: without(command.data, 'consultantId') };
    case 'SetGrowthGoal':
      return { type: 'GrowthGoalSet', data: without(command.data, 'consultantId') };
    case 'AchieveGrowthGoal':
      return { type: 'GrowthGoalAchieved', data: without(command.data, 'consultantId') };
    case 'OffboardConsultant':
      return { type: 'ConsultantOffboarded', data: without(command.data, 'consultantId') };
    default:
      return assertNever(command, 'consultant command');
  }
}
