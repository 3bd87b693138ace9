export * from './tenders.js';
export * from './kpis.js';
export * from './health.js';
export * from './errors.js';
export * from './sql.js';
export * from './admin.js';
export * from './scorecard.js';
export * from './maturity.js';
