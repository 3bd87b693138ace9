export { describeAnalyticsStoreContract, type AnalyticsStoreFactory, type AnalyticsStoreUnderTest } from './analytics-store.contract.js';
export { recordedTender } from './fixtures.js';
