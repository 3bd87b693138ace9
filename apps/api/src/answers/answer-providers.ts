import { KpiAnswers } from '../kpis/kpi-answers.js';
import { MaturityAnswers } from '../maturity/maturity-answers.js';
import { answerCacheProvider } from './answer-cache.provider.js';
import { AnswerWarmUp } from './answer-warm-up.js';
import { KeptAnswers } from './kept-answers.js';
import { keptValuesProvider } from '../kpis/kept-values.provider.js';
import { KeptValuesRefresher } from '../kpis/kept-values-refresher.js';

/**
 * The answers kept per state of the read models, and the warm-up that asks the first ones
 * (decision 0029); the KPI values kept per period, and what keeps them current (decision 0054).
 */
export const ANSWER_PROVIDERS = [
  answerCacheProvider,
  KeptAnswers,
  KpiAnswers,
  MaturityAnswers,
  AnswerWarmUp,
  keptValuesProvider,
  KeptValuesRefresher,
];
