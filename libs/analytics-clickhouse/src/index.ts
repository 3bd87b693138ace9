export { ClickHouseAnalyticsStore, type ClickHouseAnalyticsStoreOptions } from './clickhouse-analytics-store.js';
