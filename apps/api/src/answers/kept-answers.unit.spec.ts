import { describe, expect, it } from 'vitest';
import { AnswerCache } from './answer-cache.js';
import { KeptAnswers, type AnswerMoment } from './kept-answers.js';

/** Read models whose versions the test moves, a clock it sets, and the moments each computation was given. */
function answersOver() {
  const state = { facts: 1, events: 1, now: 10_000 };
  const cache = new AnswerCache({
    readModelVersion: () => ({ facts: state.facts, events: state.events }),
    recordedThrough: async () => 0,
    maxEntries: 10,
    maxBytes: 1_000_000,
  });
  const given: AnswerMoment[] = [];
  const compute = (templates: readonly { sql: string }[]) => async (moment: AnswerMoment) => {
    given.push(moment);
    moment.runs(templates);
    return given.length;
  };
  return { state, given, compute, answers: new KeptAnswers(cache, () => new Date(state.now)) };
}

const FACTS_ONLY = [{ sql: 'SELECT 1 FROM {{t:opportunity_won}}' }];
const READS_EVENTS = [{ sql: 'SELECT count() FROM events' }];

describe('KeptAnswers', () => {
  it('computes a question asked as of a moment once, with that moment and no live clock', async () => {
    const { answers, compute, given } = answersOver();
    const asOf = new Date('2026-07-01T00:00:00Z');
    expect(await answers.answer('scorecard', asOf, () => ({ period: '2026-Q2' }), compute(FACTS_ONLY))).toBe(1);
    expect(await answers.answer('scorecard', asOf, () => ({ period: '2026-Q2' }), compute(FACTS_ONLY))).toBe(1);
    expect(given).toHaveLength(1);
    expect(given[0]).toMatchObject({ asOf, live: undefined });
  });

  it('answers a live question as of now, with the clock, and derives its parameters from that moment', async () => {
    const { answers, compute, given, state } = answersOver();
    const quarterOf = (moment: Date) => ({ quarter: moment.getTime() < 20_000 ? 'first' : 'second' });
    expect(await answers.answer('maturity', undefined, quarterOf, compute(FACTS_ONLY))).toBe(1);
    expect(given[0]!.asOf).toEqual(new Date(10_000));
    expect(given[0]!.live?.()).toEqual(new Date(10_000));
    state.now = 15_000;
    expect(await answers.answer('maturity', undefined, quarterOf, compute(FACTS_ONLY))).toBe(1);
    state.now = 25_000;
    expect(await answers.answer('maturity', undefined, quarterOf, compute(FACTS_ONLY))).toBe(2);
  });

  it('keeps an answer across a change to the events table only when none of the templates it ran may read that table', async () => {
    const { answers, compute, state } = answersOver();
    const asOf = new Date('2026-07-01T00:00:00Z');
    const ask = (route: string, templates: readonly { sql: string }[]) =>
      answers.answer(route, asOf, () => ({}), compute(templates));
    expect(await ask('facts', FACTS_ONLY)).toBe(1);
    expect(await ask('events', [...FACTS_ONLY, ...READS_EVENTS])).toBe(2);
    state.events += 1;
    expect(await ask('facts', FACTS_ONLY)).toBe(1);
    expect(await ask('events', [...FACTS_ONLY, ...READS_EVENTS])).toBe(3);
  });
});
