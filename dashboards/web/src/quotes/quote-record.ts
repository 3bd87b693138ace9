import type { QuoteLine } from '@presales/domain/quote-arithmetic';
import { request } from '../api/http';

export type RevisionApproval = 'not_requested' | 'requested' | 'approved' | 'rejected';

/** GET /api/quotes/:id's state, as the quote's decider folds it (libs/domain quote.state.ts). */
export interface QuoteRecord {
  readonly status: 'none' | 'open' | 'accepted' | 'declined';
  readonly quote?: { readonly quoteId: string; readonly opportunityId: string; readonly currency: string };
  readonly revisions?: readonly {
    readonly lines: readonly QuoteLine[];
    readonly approval: RevisionApproval;
    readonly sent: boolean;
  }[];
}

export interface LoadedQuote {
  readonly record: QuoteRecord;
  /** The stream's revision: ReviseQuote sends it back as If-Match. */
  readonly streamRevision: string;
}

export async function readQuote(quoteId: string, signal?: AbortSignal): Promise<LoadedQuote> {
  const answer = await request<{ revision: string; state: QuoteRecord }>(`/api/quotes/${encodeURIComponent(quoteId)}`, {
    signal,
  });
  return { record: answer.state, streamRevision: answer.revision };
}

/** The approval threshold: quote_margin's target in force (KPIS.md), in percent as decimal text. */
export async function approvalThreshold(signal?: AbortSignal): Promise<string | null> {
  const catalog = await request<{ id: string; defaultTarget: number | null }[]>('/api/kpis', { signal });
  const target = catalog.find((definition) => definition.id === 'quote_margin')?.defaultTarget ?? null;
  return target === null ? null : String(target);
}

/** `1234567.5` → `1,234,567.5`: the exact decimal text grouped, never rounded through a JavaScript number. */
export function groupedAmount(amount: string): string {
  const [whole, fraction] = amount.split('.');
  const grouped = whole!.replace(/\B(?=(\d{3})+(?!\d))/g, ',');
  return fraction === undefined ? grouped : `${grouped}.${fraction}`;
}
