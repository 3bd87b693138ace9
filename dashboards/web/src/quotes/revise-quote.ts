import type { ChainPart, ChainProblem } from '../workspace/customer-exchange';
import {
  lineProblems,
  linesPayload,
  liveTotals,
  marginStanding,
  quoteDiff,
  type LineInput,
  type LineProblem,
} from './quote-lines';
import type { QuoteLine } from '@presales/domain/quote-arithmetic';

/** What the builder knows when a quote is revised. */
export interface ReviseQuoteInput {
  readonly quoteId: string;
  readonly currency: string;
  /** The latest revision's lines, for the diff: a revision that changes nothing is not sent. */
  readonly previous: readonly QuoteLine[];
  /** The number the new revision will carry (the count of revisions so far). */
  readonly nextRevision: number;
  /** The quote stream's revision the lines were read at: ReviseQuote sends it as If-Match. */
  readonly streamRevision: string;
  readonly lines: readonly LineInput[];
  readonly reason: string;
}

export interface ReviseQuoteOptions {
  /** The approval threshold in percent (quote_margin's target in force). */
  readonly thresholdPct: string;
  /** Set when the person may approve (a manager): the chain approves and sends a margin that meets the threshold. */
  readonly approverId?: string;
}

/**
 * "Revise a quote" in one step (decision 0039): the revision, the approval request for it (the
 * domain sends only an approved revision, so every revision asks), and — when the person may
 * approve and the margin meets the threshold — the approval and the sending. Below the threshold
 * the chain stops at the request and the approver sees the margin against the threshold. Keyed
 * parts like the customer exchange: the same form sent again records nothing twice.
 */
export function reviseQuoteParts(
  input: ReviseQuoteInput,
  options: ReviseQuoteOptions,
  chainKey: string,
): { parts: ChainPart[]; problems: Record<string, ChainProblem | LineProblem | 'unchanged'> } {
  const problems: Record<string, ChainProblem | LineProblem | 'unchanged'> = { ...lineProblems(input.lines) };
  const reason = input.reason.trim();
  if (reason === '') problems['reason'] = 'required';
  if (Object.keys(problems).length === 0 && quoteDiff(input.previous, input.lines).length === 0)
    problems['lines'] = 'unchanged';
  const revision = input.nextRevision;
  const quoteId = input.quoteId;
  const parts: ChainPart[] = [
    {
      key: `${chainKey}.revise`,
      name: 'revise',
      command: 'ReviseQuote',
      payload: { quoteId, lines: linesPayload(input.lines), reason },
      ifMatch: input.streamRevision,
      label: { revision: String(revision) },
    },
    {
      key: `${chainKey}.approval`,
      name: 'approval',
      command: 'RequestQuoteApproval',
      payload: { quoteId, revision },
      label: { revision: String(revision) },
    },
  ];
  const totals = Object.keys(problems).length === 0 ? liveTotals(input.lines, input.currency) : null;
  const meets = totals !== null && marginStanding(totals.marginPct, options.thresholdPct) === 'meets';
  if (options.approverId !== undefined && meets) {
    parts.push(
      {
        key: `${chainKey}.approve`,
        name: 'approve',
        command: 'ApproveQuote',
        payload: { quoteId, revision, approverId: options.approverId },
        label: { revision: String(revision) },
      },
      {
        key: `${chainKey}.send`,
        name: 'send',
        command: 'SendQuoteToCustomer',
        payload: { quoteId, revision },
        label: { revision: String(revision) },
      },
    );
  }
  return { parts, problems };
}
