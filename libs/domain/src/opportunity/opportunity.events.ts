import { z } from 'zod';
import { PROJECT_TYPES } from '../shared/vocabulary.js';
import type { Event } from '../shared/message.js';
import {
  Days,
  EntityId,
  IsoUtcTime,
  MoneySchema,
  NonEmptyText,
  ProductLineId,
  UniqueList,
} from '../shared/primitives.js';

export const OPPORTUNITY_STAGES = ['lead', 'discovery', 'solution', 'bid', 'negotiation'] as const;
export type OpportunityStage = (typeof OPPORTUNITY_STAGES)[number];
/** A registered opportunity starts here (DOMAIN.md names no initial stage). */
export const INITIAL_OPPORTUNITY_STAGE: OpportunityStage = 'lead';
export const SUPPORT_REQUEST_KINDS = [
  'exchange',
  'demo',
  'poc',
  'workshop',
  'rfi',
  'rfp',
  'solution',
  'quote',
] as const;
export const REQUIREMENT_CATEGORIES = ['functional', 'non_functional', 'commercial', 'compliance'] as const;
export const REQUIREMENT_PRIORITIES = ['must', 'should', 'could'] as const;
export const REQUIREMENT_SOURCES = ['rfi', 'rfp', 'meeting', 'document'] as const;
export const REQUIREMENT_FITS = ['standard', 'configurable', 'custom', 'gap'] as const;
export const TECHNICAL_OUTCOMES = ['technical_win', 'technical_loss'] as const;
export type TechnicalOutcome = (typeof TECHNICAL_OUTCOMES)[number];
export const LOSS_REASONS = ['price', 'functionality', 'relationship', 'timing', 'competitor', 'other'] as const;

export const OpportunityRegisteredData = z.strictObject({
  opportunityId: EntityId,
  name: NonEmptyText,
  customer: NonEmptyText,
  industry: NonEmptyText,
  region: NonEmptyText,
  productLines: UniqueList(ProductLineId, { min: 1 }),
  projectType: z.enum(PROJECT_TYPES),
  estimatedValue: MoneySchema,
  salesOwnerId: EntityId,
});

export const OpportunityStageChangedData = z
  .strictObject({ from: z.enum(OPPORTUNITY_STAGES), to: z.enum(OPPORTUNITY_STAGES) })
  .refine((data) => data.from !== data.to, { path: ['to'], message: 'must differ from `from`' })
  .meta({ description: '`to` differs from `from`; `from` is the current stage.' });

export const PresalesSupportRequestedData = z.strictObject({
  requestId: EntityId,
  requestedBy: EntityId,
  kind: z.enum(SUPPORT_REQUEST_KINDS),
  productLine: ProductLineId,
  dueAt: IsoUtcTime,
});

export const PresalesSupportAcknowledgedData = z.strictObject({
  requestId: EntityId,
  consultantId: EntityId,
});

export const RequirementCapturedData = z.strictObject({
  requirementId: EntityId,
  title: NonEmptyText,
  category: z.enum(REQUIREMENT_CATEGORIES),
  priority: z.enum(REQUIREMENT_PRIORITIES),
  source: z.enum(REQUIREMENT_SOURCES),
});

export const RequirementFitAssessedData = z
  .strictObject({
    requirementId: EntityId,
    fit: z.enum(REQUIREMENT_FITS),
    productLine: ProductLineId,
    /** The ProductGapIdentified this requirement runs into; only with fit `gap`. */
    gapId: EntityId.optional(),
    effortDays: Days.optional(),
  })
  .refine((data) => data.gapId === undefined || data.fit === 'gap', { path: ['gapId'], message: 'only with fit gap' })
  .meta({
    description: '`gapId` only with fit `gap`.',
    // The refinement above, as the published contract states it.
    anyOf: [
      { properties: { fit: { const: 'gap' } } },
      { properties: { fit: { enum: REQUIREMENT_FITS.filter((fit) => fit !== 'gap') }, gapId: false } },
    ],
  });

export const TechnicalDecisionRecordedData = z.strictObject({
  outcome: z.enum(TECHNICAL_OUTCOMES),
  reason: NonEmptyText.optional(),
});

export const OpportunityWonData = z.strictObject({
  amount: MoneySchema,
});

export const OpportunityLostData = z
  .strictObject({
    reason: z.enum(LOSS_REASONS),
    competitor: NonEmptyText.optional(),
    productGapIds: UniqueList(EntityId),
  })
  .refine((data) => data.reason !== 'competitor' || data.competitor !== undefined, {
    path: ['competitor'],
    message: 'is required when the reason is competitor',
  })
  .meta({
    description: '`competitor` is required when the reason is `competitor`.',
    anyOf: [
      { properties: { reason: { const: 'competitor' } }, required: ['competitor'] },
      { properties: { reason: { enum: LOSS_REASONS.filter((reason) => reason !== 'competitor') } } },
    ],
  });

export const OpportunityQualifiedOutData = z.strictObject({
  reason: NonEmptyText,
});

export type OpportunityRegistered = Event<'OpportunityRegistered', z.output<typeof OpportunityRegisteredData>>;
export type OpportunityStageChanged = Event<'OpportunityStageChanged', z.output<typeof OpportunityStageChangedData>>;
export type PresalesSupportRequested = Event<'PresalesSupportRequested', z.output<typeof PresalesSupportRequestedData>>;
export type PresalesSupportAcknowledged = Event<
  'PresalesSupportAcknowledged',
  z.output<typeof PresalesSupportAcknowledgedData>
>;
export type RequirementCaptured = Event<'RequirementCaptured', z.output<typeof RequirementCapturedData>>;
export type RequirementFitAssessed = Event<'RequirementFitAssessed', z.output<typeof RequirementFitAssessedData>>;
export type TechnicalDecisionRecorded = Event<
  'TechnicalDecisionRecorded',
  z.output<typeof TechnicalDecisionRecordedData>
>;
export type OpportunityWon = Event<'OpportunityWon', z.output<typeof OpportunityWonData>>;
export type OpportunityLost = Event<'OpportunityLost', z.output<typeof OpportunityLostData>>;
export type OpportunityQualifiedOut = Event<'OpportunityQualifiedOut', z.output<typeof OpportunityQualifiedOutData>>;

export type OpportunityEvent =
  | OpportunityRegistered
  | OpportunityStageChanged
  | PresalesSupportRequested
  | PresalesSupportAcknowledged
  | RequirementCaptured
  | RequirementFitAssessed
  | TechnicalDecisionRecorded
  | OpportunityWon
  | OpportunityLost
  | OpportunityQualifiedOut;

export const OPPORTUNITY_EVENT_SCHEMAS = {
  OpportunityRegistered: { schema: OpportunityRegisteredData, schemaVersion: 1 },
  OpportunityStageChanged: { schema: OpportunityStageChangedData, schemaVersion: 1 },
  PresalesSupportRequested: { schema: PresalesSupportRequestedData, schemaVersion: 1 },
  PresalesSupportAcknowledged: { schema: PresalesSupportAcknowledgedData, schemaVersion: 1 },
  RequirementCaptured: { schema: RequirementCapturedData, schemaVersion: 1 },
  RequirementFitAssessed: { schema: RequirementFitAssessedData, schemaVersion: 1 },
  TechnicalDecisionRecorded: { schema: TechnicalDecisionRecordedData, schemaVersion: 1 },
  OpportunityWon: { schema: OpportunityWonData, schemaVersion: 1 },
  OpportunityLost: { schema: OpportunityLostData, schemaVersion: 1 },
  OpportunityQualifiedOut: { schema: OpportunityQualifiedOutData, schemaVersion: 1 },
} as const satisfies { [T in OpportunityEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
