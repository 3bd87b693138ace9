/**
 * The closed word lists of the answers, in a module of their own: both an answer's zod schema
 * (answers/) and its plain type (beside it) name them, and neither may import the other back.
 */

export const AUDIT_LINK_KINDS = ['tender', 'opportunity', 'quote', 'warroom', 'assignment'] as const;

/**
 * The roles an account or API token can hold, for the API and its clients alike. `system` (the
 * platform's own) and `consultant` (the former name of `presales`, in old events) are actor roles
 * of the domain that no person is given.
 */
export const USER_ROLES = ['sales', 'presales', 'manager', 'analyst', 'auditor', 'admin'] as const;

/** The kinds of knowledge asset (DOMAIN.md asset-<id>). */
export const ASSET_KIND_OPTIONS = [
  'solution_template',
  'case_study',
  'answer',
  'demo_script',
  'pricing_model',
] as const;

/** Who may see a saved query: its owner only, or every SQL user of the platform. */
export const SAVED_QUERY_VISIBILITIES = ['private', 'team'] as const;

export const PICKER_KINDS = [
  'opportunities',
  'tenders',
  'consultants',
  'assets',
  'gaps',
  'activities',
  'quotes',
  'teams',
  'requirements',
  'support-requests',
  'war-rooms',
] as const;

/**
 * The tender board's columns, in the order a tender moves through them: received, bid decided,
 * sections being drafted, a review held, the bid submitted, and ended (an outcome, a withdrawal
 * or a no-bid).
 */
export const TENDER_STAGES = ['received', 'decided', 'drafting', 'in_review', 'submitted', 'outcome'] as const;

/** How a tender in the `outcome` column ended. */
export const TENDER_ENDINGS = ['no_bid', 'withdrawn', 'awarded', 'not_awarded', 'cancelled'] as const;

/** What is waiting for a person, each with the command that settles it. */
export const MY_WORK_KINDS = [
  'support_request',
  'section_due',
  'clarification_due',
  'review_due',
  'quote_approval',
  'activity_scheduled',
] as const;
