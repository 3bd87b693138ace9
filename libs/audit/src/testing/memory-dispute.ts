import { honestAppends } from '@presales/event-store/testing';
import { disputeScript, playScript, type DisputeOptions } from './dispute-scenario.js';
import { MemoryEventStore } from './memory-event-store.js';

/** A memory store holding the dispute scenarios given, each under its own key. */
export async function storeWithDisputes(...disputes: readonly DisputeOptions[]): Promise<MemoryEventStore> {
  // Every event the scenarios and the tests append is one the domain accepts.
  const store = honestAppends(new MemoryEventStore());
  const script = disputes
    .flatMap((options) => disputeScript(options))
    .sort((a, b) => (a.recordedAt < b.recordedAt ? -1 : a.recordedAt > b.recordedAt ? 1 : 0));
  await playScript(store, (now) => (store.now = now), script);
  return store;
}
