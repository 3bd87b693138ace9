export { EsdbEventStore, type EsdbEventStoreOptions } from './esdb-event-store.js';
export { EventStoreUnreachableError } from './connection.js';
export { ChainHeadHiddenError } from './chain-head.js';
export { ForeignEventError } from './envelope-codec.js';
