/**
 * Why a consultant ranks where they do: each reason is data the dashboard words in either
 * language, never a sentence built on the server.
 */
export type StaffingReason =
  | { readonly kind: 'product_line'; readonly productLine: string; readonly covered: boolean }
  | { readonly kind: 'skill'; readonly skill: string; readonly level: number | null }
  | { readonly kind: 'free_capacity'; readonly freePct: number; readonly neededPct: number }
  | { readonly kind: 'no_capacity'; readonly freePct: number; readonly neededPct: number }
  | { readonly kind: 'overloaded_now'; readonly loadPct: number }
  | { readonly kind: 'past_outcomes'; readonly won: number; readonly lost: number; readonly positive: number; readonly negative: number };

export interface RankedConsultant {
  readonly rank: number;
  readonly consultantId: string;
  readonly name: string;
  readonly teamId: string;
  readonly level: string;
  /** 0–100: the weighted fit the rank orders by (docs/decisions/0032). */
  readonly score: number;
  /** False when the consultant has not the free capacity the work needs in one of its weeks. */
  readonly available: boolean;
  readonly reasons: readonly StaffingReason[];
}

/** What the suggestions are for: a support request, an activity or a war room. */
export type StaffingSubjectKind = 'request' | 'activity' | 'war_room';

/** GET /api/staffing/{request|activity|war-room}/:id/suggestions */
export interface StaffingSuggestionsResponse {
  readonly subject: {
    readonly kind: StaffingSubjectKind;
    readonly id: string;
    readonly opportunityId: string;
    /** The request's or activity's kind (demo, rfp, …); `war_room` for a war room. */
    readonly workKind: string;
    readonly productLine: string;
    readonly skills: readonly string[];
    /** Mondays (YYYY-MM-DD) of the weeks the work needs. */
    readonly weeks: readonly string[];
    readonly neededPct: number;
    /** Consultants already on it (assigned to the opportunity, scheduled, or members). */
    readonly alreadyOn: readonly string[];
  };
  readonly consultants: readonly RankedConsultant[];
}

export interface CapacityWeek {
  /** Monday, YYYY-MM-DD. */
  readonly week: string;
  /** Σ weekly capacity hours of the consultants on board that week. */
  readonly capacityHours: number;
  /** Σ allocation × weekly capacity of assignments and war rooms active that week. */
  readonly committedHours: number;
  readonly overloadedConsultants: number;
  /** The war rooms with members in this group that week. */
  readonly warRoomIds: readonly string[];
}

export interface CapacityGroup {
  readonly teamId: string;
  readonly teamName: string;
  readonly productLine: string;
  readonly consultants: number;
  readonly weeks: readonly CapacityWeek[];
}

export interface CapacityWarRoom {
  readonly warRoomId: string;
  readonly opportunityId: string;
  readonly reason: string;
  readonly allocationPct: number;
  readonly members: number;
  /** Committed hours per week it adds, summed over the plan's weeks. */
  readonly committedHours: number;
}

/** GET /api/capacity-plan */
export interface CapacityPlanResponse {
  readonly weeks: readonly string[];
  readonly groups: readonly CapacityGroup[];
  readonly warRooms: readonly CapacityWarRoom[];
}

/** A support request nobody has acknowledged yet, on an opportunity still open. */
export interface OpenSupportRequest {
  readonly opportunityId: string;
  readonly opportunityName: string;
  readonly requestId: string;
  readonly kind: string;
  readonly productLine: string;
  readonly requestedAt: string;
  readonly dueAt: string;
}

/** GET /api/staffing/requests */
export interface OpenSupportRequestsResponse {
  readonly requests: readonly OpenSupportRequest[];
}
