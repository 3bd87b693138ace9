import { KpiAnswers } from '../kpis/kpi-answers.js';
import { MaturityAnswers } from '../maturity/maturity-answers.js';
import { answerCacheProvider } from './answer-cache.provider.js';
import { AnswerWarmUp } from './answer-warm-up.js';
import { KeptAnswers } from './kept-answers.js';

/** The answers kept per state of the read models, and the warm-up that asks the first ones (decision 0029). */
export const ANSWER_PROVIDERS = [answerCacheProvider, KeptAnswers, KpiAnswers, MaturityAnswers, AnswerWarmUp];
