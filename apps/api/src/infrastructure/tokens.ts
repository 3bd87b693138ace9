/** Injection tokens for the ports: handlers depend on these, never on an adapter class. */
export const EVENT_STORE = Symbol('EventStore');
export const ANALYTICS_STORE = Symbol('AnalyticsStore');
export const PROJECTOR = Symbol('Projector');
export const ANALYST_SESSION = Symbol('AnalystSession');
export const FX_RATES = Symbol('FxRates');
export const CLOCK = Symbol('Clock');
export const APP_CONFIG = Symbol('AppConfig');

export type Clock = () => Date;
/** The SQL gate: chDB's parser and the analytics tables (decision 0024). */
export const SQL_GATE = Symbol('SqlGate');
/** The analytics store for KPI reads, whose SELECTs pass the gate (decision 0024). */
export const KPI_STORE = Symbol('KpiStore');
export const ANALYST_ADMISSION = Symbol('AnalystAdmission');
/** KPI values kept per period (decision 0054), read by scorecards and trends, refreshed in the background. */
export const KEPT_KPI_VALUES = Symbol('KeptKpiValues');
