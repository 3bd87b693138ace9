export { SqliteEventStore, type SqliteEventStoreOptions, type Durability } from './sqlite-event-store.js';
