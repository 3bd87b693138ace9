export * from './dispute-scenario.js';
