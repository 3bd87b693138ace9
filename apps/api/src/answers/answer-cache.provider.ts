import type { Provider } from '@nestjs/common';
import { recordedThrough, type AnalyticsStore, type ProjectionView } from '@presales/analytics';
import { KPI_STORE, PROJECTOR } from '../infrastructure/tokens.js';
import { AnswerCache } from './answer-cache.js';

/**
 * At most 500 answers and 64 MiB: a scorecard with its 56 traced SQL statements is about 150 KB
 * as estimated, so the bound is a few hundred scopes and periods, far below the platform's memory.
 */
const MAX_ANSWERS = 500;
const MAX_BYTES = 64 * 1024 * 1024;

export const answerCacheProvider: Provider = {
  provide: AnswerCache,
  useFactory: (projector: ProjectionView, analytics: AnalyticsStore) =>
    new AnswerCache({
      readModelVersion: () => projector.readModelVersion(),
      recordedThrough: () => recordedThrough(analytics),
      maxEntries: MAX_ANSWERS,
      maxBytes: MAX_BYTES,
    }),
  inject: [PROJECTOR, KPI_STORE],
};
