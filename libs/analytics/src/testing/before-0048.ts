/**
 * The staffing reads as they were before decision 0048, for the benchmarks to time beside the
 * current ones: an entry point of their own, since the testing one loads Vitest.
 */
export { assignmentLoadsBefore0048 } from './assignment-loads-before-0048.js';
export { pastOutcomesBefore0048 } from './past-outcomes-before-0048.js';
