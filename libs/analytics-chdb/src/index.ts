export { ChdbAnalyticsStore, type ChdbAnalyticsStoreOptions } from './chdb-analytics-store.js';
export * from './gate/chdb-sql-parser.js';
export * from './sandbox/worker-isolation.js';
export { MAX_ANSWER_BYTES } from './sandbox/sandboxed-analyst-session.js';
