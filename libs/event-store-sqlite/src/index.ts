export { SqliteEventStore, type SqliteEventStoreOptions, type Durability } from './sqlite-event-store.js';
export { RestoreRefusedError, type RestoreResult } from './restorer.js';
