export * from './period.js';
export * from './definition.js';
export * from './pdca.js';
export * from './composite.js';
export * from './maturity.js';
