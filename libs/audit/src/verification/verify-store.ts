import type { EventStore } from '@presales/event-store';
import { chainVerdictOf, storeChainReportOf, type ChainVerdict, type StoreChainReport } from './chain-verdict.js';

/**
 * Recomputes one stream's chain in the store, hidden events included, against its head record.
 * StreamNotFoundError (404) for a stream the store has never seen.
 */
export async function verifyStreamChain(
  store: Pick<EventStore, 'verifyStream'>,
  streamId: string,
): Promise<ChainVerdict> {
  return chainVerdictOf(await store.verifyStream(streamId));
}

/** Recomputes every chain and, where the engine keeps one, the `$all` ledger; timed for throughput. */
export async function verifyStoreChains(store: Pick<EventStore, 'verifyAll' | 'engine'>): Promise<StoreChainReport> {
  const started = performance.now();
  const verification = await store.verifyAll();
  return storeChainReportOf(store.engine, verification, performance.now() - started);
}
