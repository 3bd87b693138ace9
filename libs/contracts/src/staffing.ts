import type { Answer } from './answer-type.js';
import type * as answers from './answers/staffing.js';

/** Why a consultant ranks where they do: data the dashboard words in either language. */
export type StaffingReason = Answer<typeof answers.StaffingReason>;
export type RankedConsultant = Answer<typeof answers.RankedConsultant>;
/** What the suggestions are for: a support request, an activity or a war room. */
export type StaffingSubjectKind = (typeof answers.STAFFING_SUBJECT_KINDS)[number];
/** GET /api/staffing/{request|activity|war-room}/:id/suggestions */
export type StaffingSuggestionsResponse = Answer<typeof answers.StaffingSuggestionsResponse>;
export type CapacityWeek = Answer<typeof answers.CapacityWeek>;
export type CapacityGroup = Answer<typeof answers.CapacityGroup>;
export type CapacityWarRoom = Answer<typeof answers.CapacityWarRoom>;
/** GET /api/capacity-plan */
export type CapacityPlanResponse = Answer<typeof answers.CapacityPlanResponse>;
/** A support request nobody has acknowledged yet, on an opportunity still open. */
export type OpenSupportRequest = Answer<typeof answers.OpenSupportRequest>;
/** GET /api/staffing/requests */
export type OpenSupportRequestsResponse = Answer<typeof answers.OpenSupportRequestsResponse>;
