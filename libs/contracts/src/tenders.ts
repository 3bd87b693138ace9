import type { Answer } from './answer-type.js';
import type * as answers from './answers/tenders.js';

/** The four kinds of request for response (DOMAIN.md tender-<id>). */
export const TENDER_KIND_OPTIONS = ['rfi', 'rfp', 'rfq', 'tender'] as const;
export type TenderKindOption = (typeof TENDER_KIND_OPTIONS)[number];

/** POST /api/tenders */
export interface RecordTenderRequest {
  readonly tenderId: string;
  readonly opportunityId: string;
  readonly kind: TenderKindOption;
  readonly issuer: string;
  /** ISO-8601 UTC. */
  readonly deadline: string;
  /** When the tender was received (business time), ISO-8601 UTC. Defaults to now. */
  readonly receivedAt?: string;
}

/** 201 from POST /api/tenders. */
export type RecordTenderResponse = Answer<typeof answers.RecordTenderResponse>;
