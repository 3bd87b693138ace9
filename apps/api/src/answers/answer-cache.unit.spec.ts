import { KPI_CATALOG, MATURITY_PRACTICES } from '@presales/kpi';
import { describe, expect, it } from 'vitest';
import { AnswerCache, mayReadEventsTable } from './answer-cache.js';
import { questionOf } from './question.js';
import { serializedAnswerOf } from './serialized-answer.js';

/** A read model whose version and latest recorded moment the test moves, and a count of computations. */
function readModels() {
  const state = { facts: 1, events: 1, recordedThrough: 1_000, computed: 0 };
  const cache = new AnswerCache({
    readModelVersion: () => ({ facts: state.facts, events: state.events }),
    recordedThrough: async () => state.recordedThrough,
    maxEntries: 10,
    maxBytes: 1_000_000,
  });
  const compute = async () => {
    state.computed += 1;
    return { value: state.computed };
  };
  return { state, cache, compute };
}

const at = (ms: number) => new Date(ms);

describe('AnswerCache', () => {
  it('answers the same question at the same read-model version once, and again after the version moves', async () => {
    const { state, cache, compute } = readModels();
    const question = questionOf('scorecard', { period: '2026-Q3', scope: 'org' }, at(500), at(2_000));
    expect(await cache.answer(question, compute)).toEqual({ value: 1 });
    expect(await cache.answer(question, compute)).toEqual({ value: 1 });
    state.facts += 1;
    state.events += 1;
    expect(await cache.answer(question, compute)).toEqual({ value: 2 });
    expect(cache.counts()).toEqual({ hit: 1, joined: 0, computed: 2 });
  });

  it('keeps an answer across a batch that wrote only the events table (a sign-in), unless its computation read that table', async () => {
    const { state, cache, compute } = readModels();
    const factsOnly = questionOf('scorecard', { period: '2026-Q3' }, at(500), at(2_000));
    const readingEvents = questionOf('scorecard', { period: '2026-Q4' }, at(500), at(2_000));
    const computeReadingEvents = async (read: { eventsTable(): void }) => {
      read.eventsTable();
      return compute();
    };
    expect(await cache.answer(factsOnly, compute)).toEqual({ value: 1 });
    expect(await cache.answer(readingEvents, computeReadingEvents)).toEqual({ value: 2 });
    state.events += 1;
    expect(await cache.answer(factsOnly, compute)).toEqual({ value: 1 });
    expect(await cache.answer(readingEvents, computeReadingEvents)).toEqual({ value: 3 });
    expect(await cache.answer(readingEvents, computeReadingEvents)).toEqual({ value: 3 });
  });

  it('tells questions apart by every parameter and by asOf, whatever the order they are given in', async () => {
    const { cache, compute } = readModels();
    const asked = (parameters: Record<string, string>, asOf?: number) =>
      cache.answer(questionOf('scorecard', parameters, asOf === undefined ? undefined : at(asOf), at(5_000)), compute);
    await asked({ period: '2026-Q3', scope: 'org' });
    expect(await asked({ scope: 'org', period: '2026-Q3' })).toEqual({ value: 1 });
    expect(await asked({ period: '2026-Q2', scope: 'org' })).toEqual({ value: 2 });
    expect(await asked({ period: '2026-Q3', scope: 'team:t1' })).toEqual({ value: 3 });
    expect(await asked({ period: '2026-Q3', scope: 'org' }, 4_000)).toEqual({ value: 4 });
    expect(await asked({ period: '2026-Q3', scope: 'org' }, 4_001)).toEqual({ value: 5 });
  });

  it('has questions asked while one is computed wait for it, and does not keep a failure', async () => {
    const { state, cache } = readModels();
    let release: () => void = () => undefined;
    const slow = () =>
      new Promise<{ value: number }>((resolve) => {
        state.computed += 1;
        release = () => resolve({ value: state.computed });
      });
    const question = questionOf('maturity', { window: 2 }, at(100), at(200));
    const first = cache.answer(question, slow);
    const second = cache.answer(question, slow);
    release();
    expect(await Promise.all([first, second])).toEqual([{ value: 1 }, { value: 1 }]);
    const failing = questionOf('maturity', { window: 3 }, at(100), at(200));
    await expect(cache.answer(failing, () => Promise.reject(new Error('engine down')))).rejects.toThrow('engine down');
    expect(await cache.answer(failing, async () => ({ value: 42 }))).toEqual({ value: 42 });
    expect(cache.counts()).toEqual({ hit: 0, joined: 1, computed: 3 });
  });

  it('keeps a live answer only when nothing held was recorded after it was asked', async () => {
    const { state, cache, compute } = readModels();
    state.recordedThrough = 10_999;
    const ahead = questionOf('scorecard', { period: '2026-Q3' }, undefined, at(10_500));
    expect(await cache.answer(ahead, compute)).toEqual({ value: 1 });
    expect(await cache.answer(ahead, compute)).toEqual({ value: 2 });
    const later = questionOf('scorecard', { period: '2026-Q3' }, undefined, at(11_000));
    expect(await cache.answer(later, compute)).toEqual({ value: 3 });
    expect(await cache.answer(questionOf('scorecard', { period: '2026-Q3' }, undefined, at(60_000)), compute)).toEqual({
      value: 3,
    });
  });

  it('serializes a kept answer once, with an ETag naming its text; an answer not kept has no text remembered', async () => {
    const { state, cache, compute } = readModels();
    const question = questionOf('scorecard', { period: '2026-Q3' }, at(500), at(2_000));
    const kept = await cache.answer(question, compute);
    expect(serializedAnswerOf(kept)).toEqual({ json: '{"value":1}', etag: expect.stringMatching(/^"[\w-]{32}"$/) });
    expect(serializedAnswerOf(await cache.answer(question, compute))).toBe(serializedAnswerOf(kept));
    state.facts += 1;
    const next = await cache.answer(question, compute);
    expect(serializedAnswerOf(next)?.json).toBe('{"value":2}');
    expect(serializedAnswerOf(next)?.etag).not.toBe(serializedAnswerOf(kept)?.etag);
    // Live, with an event recorded after the moment asked: not kept, so sent as any other answer.
    state.recordedThrough = 10_999;
    const notKept = await cache.answer(questionOf('scorecard', { period: '2026-Q3' }, undefined, at(10_500)), compute);
    expect(serializedAnswerOf(notKept)).toBeUndefined();
  });

  it('holds at most its bound of answers, the least recently asked evicted first', async () => {
    const state = { computed: 0 };
    const cache = new AnswerCache({
      readModelVersion: () => ({ facts: 1, events: 1 }),
      recordedThrough: async () => 0,
      maxEntries: 2,
      maxBytes: 1_000_000,
    });
    const compute = async () => ({ value: (state.computed += 1) });
    const ask = (period: string) => cache.answer(questionOf('scorecard', { period }, at(1), at(2)), compute);
    await ask('2026-01');
    await ask('2026-02');
    await ask('2026-01');
    await ask('2026-03');
    expect(await ask('2026-01')).toEqual({ value: 1 });
    expect(await ask('2026-02')).toEqual({ value: 4 });
    expect(cache.held().answers).toBe(2);
  });

  it('takes any SQL naming the events table as reading it, and no catalog KPI or practice does', () => {
    expect(mayReadEventsTable('SELECT count() FROM events WHERE type = 1')).toBe(true);
    expect(mayReadEventsTable('SELECT 1 FROM opportunity_won /* all Events */')).toBe(true);
    expect(mayReadEventsTable('SELECT 1 FROM {{t:opportunity_won}} AS w')).toBe(false);
    expect([...KPI_CATALOG, ...MATURITY_PRACTICES].filter((template) => mayReadEventsTable(template.sql))).toEqual([]);
  });
});
