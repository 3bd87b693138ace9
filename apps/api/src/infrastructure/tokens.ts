/** Injection tokens for the ports: handlers depend on these, never on an adapter class. */
export const EVENT_STORE = Symbol('EventStore');
export const ANALYTICS_STORE = Symbol('AnalyticsStore');
export const PROJECTOR = Symbol('Projector');
export const ANALYST_SESSION = Symbol('AnalystSession');
export const FX_RATES = Symbol('FxRates');
export const CLOCK = Symbol('Clock');
export const APP_CONFIG = Symbol('AppConfig');

export type Clock = () => Date;
