/**
 * Every expected failure is a DomainError with a code; one exception filter maps codes to
 * HTTP statuses. The message always names what was wrong and where.
 */
export const ERROR_HTTP_STATUS = {
  validation: 400,
  not_found: 404,
  illegal_state: 422,
  concurrency: 409,
} as const;
export type ErrorCode = keyof typeof ERROR_HTTP_STATUS;

export abstract class DomainError extends Error {
  abstract readonly code: ErrorCode;
  constructor(message: string) {
    super(message);
    this.name = new.target.name;
  }
}

/** One rejected field: the path to it, the value found and the rule it broke. */
export interface FieldIssue {
  readonly path: string;
  readonly value: unknown;
  readonly rule: string;
}

export class ValidationError extends DomainError {
  readonly code = 'validation' as const;
  constructor(
    readonly subject: string,
    readonly issues: readonly FieldIssue[],
  ) {
    super(`${subject}: ${issues.map(formatIssue).join('; ')}`);
  }
}

/**
 * A rule of the record refuses the command. `fields` names the command's fields the rule is about
 * (`deadline` for a deadline not after the receipt), so a form can say it on them; empty when the
 * rule is about the record's state as a whole (a bid after a no_bid).
 */
export class IllegalStateError extends DomainError {
  readonly code = 'illegal_state' as const;
  constructor(
    readonly subject: string,
    readonly rule: string,
    readonly fields: readonly string[] = [],
  ) {
    super(`${subject}: ${rule}`);
  }
}

export class NotFoundError extends DomainError {
  readonly code = 'not_found' as const;
  /** `detail` says what needed the missing thing, e.g. "BidSubmitted needs TenderReceived first". */
  constructor(
    readonly subject: string,
    readonly detail?: string,
  ) {
    super(`${subject}: not found${detail === undefined ? '' : ` (${detail})`}`);
  }
}

function formatIssue(issue: FieldIssue): string {
  const shown = issue.value === undefined ? 'missing' : JSON.stringify(issue.value);
  return `${issue.path} = ${truncate(shown, 80)}: ${issue.rule}`;
}

function truncate(text: string, max: number): string {
  return text.length <= max ? text : `${text.slice(0, max - 1)}…`;
}
