import type { BenchSuite } from './suite.js';
import { answersSuite } from './suites/answers/answers.suite.js';
import { apiSuite } from './suites/api/api.suite.js';
import { auditSuite } from './suites/audit/audit.suite.js';
import { fairnessSuite } from './suites/fairness/fairness.suite.js';
import { eventStoreSuite } from './suites/event-store/event-store.suite.js';
import { interchangeSuite } from './suites/interchange/interchange.suite.js';
import { kpiSuite } from './suites/kpi/kpi.suite.js';
import { librarySuite } from './suites/library/library.suite.js';
import { projectionSuite } from './suites/projection/projection.suite.js';

/**
 * Every benchmark suite, in report order. A new suite (projection, KPI, audit, import) is a
 * module exporting a BenchSuite, added here. The KPI suite runs last: after generating 10M events
 * the process keeps a large heap, which slowed every suite after it by a third (state as of
 * 67 ms after it, 44 ms alone).
 */
export const SUITES: readonly BenchSuite[] = [
  eventStoreSuite,
  projectionSuite,
  interchangeSuite,
  auditSuite,
  librarySuite,
  answersSuite,
  apiSuite,
  fairnessSuite,
  kpiSuite,
];
