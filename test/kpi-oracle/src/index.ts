export {
  ORACLE_KPI_IDS,
  oracleKpi,
  oracleKpis,
  UnknownKpiError,
  type OracleKpiId,
  type OracleQuery,
} from './oracle.js';
export { MissingExchangeRateError } from './model/fx.js';
export { EventLog, type AppendOptions } from './testing/event-log.js';
export { money, Scenario, type LineSpec, type When } from './testing/scenario.js';
export { LATE_AS_OF, oracleQuery, TEST_FX } from './testing/query.js';
export { oracleMaturity, type MaturityQuery, type OracleMaturity } from './maturity/oracle-maturity.js';
export type { OracleArea, OraclePractice } from './maturity/judge.js';
export { peopleClimbsToLevel5 } from './testing/maturity-scenarios.js';
