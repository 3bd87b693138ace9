export { ChdbAnalyticsStore, type ChdbAnalyticsStoreOptions } from './chdb-analytics-store.js';
