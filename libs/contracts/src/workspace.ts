/** The kinds of record a form's reference field picks from (GET /api/workspace/pickers/:kind). */
export const PICKER_KINDS = ['opportunities', 'tenders', 'consultants', 'assets', 'gaps', 'activities', 'quotes', 'teams', 'requirements', 'support-requests', 'war-rooms'] as const;
export type PickerKind = (typeof PICKER_KINDS)[number];

/** One record a picker offers: its id, what a person recognises it by, and the opportunity it belongs to. */
export interface PickerOption {
  readonly id: string;
  readonly label: string;
  readonly opportunityId: string | null;
  /** The product line it is about (an opportunity's first), a form's default for its assessments. */
  readonly productLine: string | null;
}

export interface PickerResponse {
  readonly kind: PickerKind;
  readonly options: PickerOption[];
  /** Whether more match than this page holds (ask again with offset). */
  readonly more: boolean;
}

/** What is waiting for a person, each with the command that settles it. */
export const MY_WORK_KINDS = ['support_request', 'section_due', 'clarification_due', 'review_due', 'quote_approval', 'activity_scheduled'] as const;
export type MyWorkKind = (typeof MY_WORK_KINDS)[number];

export interface MyWorkItem {
  readonly kind: MyWorkKind;
  /** The record the item is about: `opportunity-…`, `tender-…`, `quote-…`, `activity-…`. */
  readonly streamId: string;
  /** The item within it (a request, section, question, revision), or the record's own id. */
  readonly itemId: string;
  readonly opportunityId: string | null;
  /** The domain's word for what it is (a support kind, a section title, an activity kind). */
  readonly detail: string;
  readonly dueAt: string | null;
  readonly overdue: boolean;
  /** The command that settles it, and the fields the form starts with. */
  readonly command: string;
  readonly prefill: Readonly<Record<string, string>>;
}

export interface MyWorkResponse {
  readonly personId: string;
  readonly asOf: string;
  /** Overdue first, then by due time; items without a due time last. */
  readonly items: MyWorkItem[];
  readonly counts: Readonly<Record<MyWorkKind, number>>;
  /** This ISO week (Monday, UTC) of the person's own time log. */
  readonly week: { readonly from: string; readonly totalHours: number; readonly days: readonly { readonly date: string; readonly hours: number }[] };
}
