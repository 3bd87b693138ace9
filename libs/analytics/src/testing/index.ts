export {
  describeAnalyticsStoreContract,
  type AnalyticsStoreFactory,
  type AnalyticsStoreUnderTest,
} from './analytics-store.contract.js';
export { recordedTender } from './fixtures.js';
export { describeAnalystSqlContract, TEST_ANALYST_LIMITS } from './analyst-sql.contract.js';
export { describeKpiSqlContract, TEST_FX } from './kpi.contract.js';
export { ungatedForTests } from './ungated-sql.js';
export { describeStaffingLibraryContract } from './staffing-library.contract.js';
export { describeMaturityReadsContract } from './maturity-reads.contract.js';
export { assignmentLoadsBefore0048 } from './assignment-loads-before-0048.js';
export { pastOutcomesBefore0048 } from './past-outcomes-before-0048.js';
