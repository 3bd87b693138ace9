/**
 * Why a line was not appended. `code` groups rejections for the summary; `reason` names the
 * field, the value and the rule (or the invariant) so a person can fix the line.
 */
export const REJECTION_CODES = [
  'line_too_long',
  'invalid_utf8',
  'invalid_json',
  'invalid_envelope',
  'unknown_stream',
  'unknown_event_type',
  'invalid_data',
  'revision_out_of_order',
  'duplicate_id',
  'invariant',
  'unknown_reference',
  'store',
] as const;
export type RejectionCode = (typeof REJECTION_CODES)[number];

export interface Rejection {
  readonly line: number;
  readonly code: RejectionCode;
  readonly reason: string;
  readonly stream?: string;
  readonly type?: string;
  readonly id?: string;
}

/** A line that cannot be imported, with everything known about it; thrown inside the pipeline only. */
export class LineRejectedError extends Error {
  constructor(readonly rejection: Rejection) {
    super(
      `line ${rejection.line}${rejection.stream === undefined ? '' : ` (${rejection.stream})`}: ${rejection.reason}`,
    );
    this.name = 'LineRejectedError';
  }
}

export function reject(rejection: Rejection): never {
  throw new LineRejectedError(rejection);
}
