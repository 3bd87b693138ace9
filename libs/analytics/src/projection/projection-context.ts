import type { EventStore, RecordedEvent } from '@presales/event-store';
import type { ProjectionContext } from './fact-columns.js';
import { entityIdOf } from './fact-table.js';

/**
 * Look up, before projecting a batch, what its rows need from earlier in the log: the currency
 * of each quote revised in the batch. Found in the batch itself, or at revision 0 of the quote's
 * stream. Events never change, so the rows stay a pure function of the log.
 */
export async function loadProjectionContext(eventStore: EventStore, batch: readonly RecordedEvent[]): Promise<ProjectionContext> {
  const currencies = new Map<string, string>();
  rememberQuoteCurrencies(batch, currencies);
  for (const event of batch) {
    const quoteId = entityIdOf(event.streamId);
    if (event.type !== 'QuoteRevised' || currencies.has(quoteId)) continue;
    const [drafted] = await eventStore.readStream(event.streamId, { maxCount: 1 });
    if (drafted?.type === 'QuoteDrafted') currencies.set(quoteId, String(drafted.data['currency']));
  }
  return { quoteCurrency: (quoteId) => currencies.get(quoteId) };
}

/** Adds the currency of every quote drafted in `events` to `currencies`, by quote id. */
export function rememberQuoteCurrencies(events: readonly RecordedEvent[], currencies: Map<string, string>): void {
  for (const event of events) {
    if (event.type === 'QuoteDrafted') currencies.set(entityIdOf(event.streamId), String(event.data['currency']));
  }
}
