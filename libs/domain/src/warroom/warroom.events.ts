import { z } from 'zod';
import type { Event } from '../shared/message.js';
import { AllocationPct, EntityId, NonEmptyText, UniqueList } from '../shared/primitives.js';

/** Each member's share of time when the war room says nothing (DOMAIN.md). */
export const DEFAULT_WAR_ROOM_ALLOCATION_PCT = 50;

export const WarRoomOpenedData = z.strictObject({
  warRoomId: EntityId,
  opportunityId: EntityId,
  tenderId: EntityId.optional(),
  /** The commander is a member too, whether or not memberIds lists them. */
  commanderId: EntityId,
  memberIds: UniqueList(EntityId),
  /** Each member's share of a working week while the war room is open. */
  allocationPct: AllocationPct.default(DEFAULT_WAR_ROOM_ALLOCATION_PCT),
  reason: NonEmptyText,
});

export const WarRoomMemberJoinedData = z.strictObject({ consultantId: EntityId });
export const WarRoomMemberLeftData = z.strictObject({ consultantId: EntityId });
export const WarRoomClosedData = z.strictObject({ outcome: NonEmptyText });

export type WarRoomOpened = Event<'WarRoomOpened', z.output<typeof WarRoomOpenedData>>;
export type WarRoomMemberJoined = Event<'WarRoomMemberJoined', z.output<typeof WarRoomMemberJoinedData>>;
export type WarRoomMemberLeft = Event<'WarRoomMemberLeft', z.output<typeof WarRoomMemberLeftData>>;
export type WarRoomClosed = Event<'WarRoomClosed', z.output<typeof WarRoomClosedData>>;

export type WarRoomEvent = WarRoomOpened | WarRoomMemberJoined | WarRoomMemberLeft | WarRoomClosed;

export const WARROOM_EVENT_SCHEMAS = {
  WarRoomOpened: { schema: WarRoomOpenedData, schemaVersion: 1 },
  WarRoomMemberJoined: { schema: WarRoomMemberJoinedData, schemaVersion: 1 },
  WarRoomMemberLeft: { schema: WarRoomMemberLeftData, schemaVersion: 1 },
  WarRoomClosed: { schema: WarRoomClosedData, schemaVersion: 1 },
} as const satisfies { [T in WarRoomEvent['type']]: { schema: z.ZodType; schemaVersion: number } };
