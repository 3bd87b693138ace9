import { Inject, Injectable } from '@nestjs/common';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { AnswerCache, mayReadEventsTable } from './answer-cache.js';
import { questionOf, type QuestionParameters } from './question.js';

/** What a kept answer's computation is given. */
export interface AnswerMoment {
  /** The moment the answer is as of: the one asked for, or now when live. */
  readonly asOf: Date;
  /** Live (decision 0017): the clock that says when the answer was complete; undefined when asked as of a moment. */
  readonly live: Clock | undefined;
  /** Names the SQL templates the answer runs: one that may read `events` keeps it under that table's version too. */
  runs(templates: readonly { readonly sql: string }[]): void;
}

/**
 * Scorecards, trends and maturity, each answered once per state of the read models (AnswerCache,
 * decision 0029): the question is the route and what it depends on, the moment is the asOf
 * asked for or, live, now.
 */
@Injectable()
export class KeptAnswers {
  constructor(
    private readonly cache: AnswerCache,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  /**
   * `route` asked as of `asOf` (undefined: live). `parameters` are what its answer depends on at
   * that moment, and must not name the moment itself when live (only, say, its quarter).
   */
  answer<T>(
    route: string,
    asOf: Date | undefined,
    parameters: (moment: Date) => QuestionParameters,
    compute: (moment: AnswerMoment) => Promise<T>,
  ): Promise<T> {
    const now = this.clock();
    const moment = asOf ?? now;
    return this.cache.answer(questionOf(route, parameters(moment), asOf, now), (read) =>
      compute({
        asOf: moment,
        live: asOf === undefined ? this.clock : undefined,
        runs: (templates) => {
          if (templates.some((template) => mayReadEventsTable(template.sql))) read.eventsTable();
        },
      }),
    );
  }
}
