import { z } from 'zod';

/**
 * Why a consultant ranks where they do: each reason is data the dashboard words in either
 * language, never a sentence built on the server.
 */
export const StaffingReason = z.discriminatedUnion('kind', [
  z.object({ kind: z.literal('product_line'), productLine: z.string(), covered: z.boolean() }),
  z.object({ kind: z.literal('skill'), skill: z.string(), level: z.number().nullable() }),
  z.object({ kind: z.literal('free_capacity'), freePct: z.number(), neededPct: z.number() }),
  z.object({ kind: z.literal('no_capacity'), freePct: z.number(), neededPct: z.number() }),
  z.object({ kind: z.literal('overloaded_now'), loadPct: z.number() }),
  z.object({
    kind: z.literal('past_outcomes'),
    won: z.number(),
    lost: z.number(),
    positive: z.number(),
    negative: z.number(),
  }),
]);

export const RankedConsultant = z.object({
  rank: z.number(),
  consultantId: z.string(),
  name: z.string(),
  teamId: z.string(),
  level: z.string(),
  score: z.number().meta({ description: '0–100: the weighted fit the rank orders by (docs/decisions/0032)' }),
  available: z
    .boolean()
    .meta({ description: 'false when the consultant has not the free capacity the work needs in one of its weeks' }),
  reasons: z.array(StaffingReason),
});

/** What the suggestions are for: a support request, an activity or a war room. */
export const STAFFING_SUBJECT_KINDS = ['request', 'activity', 'war_room'] as const;

/** GET /api/staffing/{request|activity|war-room}/:id/suggestions */
export const StaffingSuggestionsResponse = z.object({
  subject: z.object({
    kind: z.enum(STAFFING_SUBJECT_KINDS),
    id: z.string(),
    opportunityId: z.string(),
    workKind: z
      .string()
      .meta({ description: "the request's or activity's kind (demo, rfp, …); `war_room` for a war room" }),
    productLine: z.string(),
    skills: z.array(z.string()),
    weeks: z.array(z.string()).meta({ description: 'Mondays (YYYY-MM-DD) of the weeks the work needs' }),
    neededPct: z.number(),
    alreadyOn: z
      .array(z.string())
      .meta({ description: 'consultants already on it (assigned to the opportunity, scheduled, or members)' }),
  }),
  consultants: z.array(RankedConsultant),
});

export const CapacityWeek = z.object({
  week: z.string().meta({ description: 'Monday, YYYY-MM-DD' }),
  capacityHours: z.number().meta({ description: 'Σ weekly capacity hours of the consultants on board that week' }),
  committedHours: z
    .number()
    .meta({ description: 'Σ allocation × weekly capacity of assignments and war rooms active that week' }),
  overloadedConsultants: z.number(),
  warRoomIds: z.array(z.string()).meta({ description: 'the war rooms with members in this group that week' }),
});

export const CapacityGroup = z.object({
  teamId: z.string(),
  teamName: z.string(),
  productLine: z.string(),
  consultants: z.number(),
  weeks: z.array(CapacityWeek),
});

export const CapacityWarRoom = z.object({
  warRoomId: z.string(),
  opportunityId: z.string(),
  reason: z.string(),
  allocationPct: z.number(),
  members: z.number(),
  committedHours: z.number().meta({ description: "committed hours per week it adds, summed over the plan's weeks" }),
});

/** GET /api/capacity-plan */
export const CapacityPlanResponse = z.object({
  weeks: z.array(z.string()),
  groups: z.array(CapacityGroup),
  warRooms: z.array(CapacityWarRoom),
});

/** A support request nobody has acknowledged yet, on an opportunity still open. */
export const OpenSupportRequest = z.object({
  opportunityId: z.string(),
  opportunityName: z.string(),
  requestId: z.string(),
  kind: z.string(),
  productLine: z.string(),
  requestedAt: z.string(),
  dueAt: z.string(),
});

/** GET /api/staffing/requests */
export const OpenSupportRequestsResponse = z.object({ requests: z.array(OpenSupportRequest) });
