export { describeEventStoreContract } from './event-store.contract.js';
export { anEvent, uniqueStream, type EventStoreFactory, type EventStoreUnderTest } from './contract/subject.js';
export { chainedEvents } from './chain-fixture.js';
export { honestAppends } from './honest-appends.js';
export { requiredEngines, skipUnlessAvailable, SKIPPABLE_ENGINES, type SkippableEngine } from './engine-skip.js';
export { HASH_CHAIN_VECTORS, type HashChainVector } from './hash-chain-vectors.js';
