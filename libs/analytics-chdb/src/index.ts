export { ChdbAnalyticsStore, type ChdbAnalyticsStoreOptions } from './chdb-analytics-store.js';
export * from './gate/chdb-sql-parser.js';
