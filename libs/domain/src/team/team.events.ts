import { z } from 'zod';
import type { Event } from '../shared/message.js';
import { EntityId, NonEmptyText, ProductLineId, UniqueList } from '../shared/primitives.js';

export const TeamFormedData = z.strictObject({
  teamId: EntityId,
  name: NonEmptyText,
  managerId: EntityId,
  productLines: UniqueList(ProductLineId),
});

export const TeamMemberAddedData = z.strictObject({ consultantId: EntityId });
export const TeamMemberRemovedData = z.strictObject({ consultantId: EntityId });

export type TeamFormed = Event<'TeamFormed', z.output<typeof TeamFormedData>>;
export type TeamMemberAdded = Event<'TeamMemberAdded', z.output<typeof TeamMemberAddedData>>;
export type TeamMemberRemoved = Event<'TeamMemberRemoved', z.output<typeof TeamMemberRemovedData>>;

export type TeamEvent = TeamFormed | TeamMemberAdded | TeamMemberRemoved;

export const TEAM_EVENT_SCHEMAS = {
  TeamFormed: { schema: TeamFormedData, schemaVersion: 1 },
  TeamMemberAdded: { schema: TeamMemberAddedData, schemaVersion: 1 },
  TeamMemberRemoved: { schema: TeamMemberRemovedData, schemaVersion: 1 },
} as const satisfies { [T in TeamEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
