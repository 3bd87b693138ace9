export * from './period.js';
export * from './definition.js';
export * from './pdca.js';
export * from './composite.js';
export * from './maturity.js';
export * from './catalog/index.js';
export { defineKpi } from './catalog/define.js';
export * from './maturity-practices.js';
export * from './published-definition.js';
