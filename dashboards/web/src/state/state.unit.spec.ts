import { describe, expect, it } from 'vitest';
import { defaultPeriod, endOfDayUtc, globalQuery, parseGlobalState } from './global-query';
import { periodChoices } from './periods';
import { sparklineRange } from './sparkline-range';

const now = new Date('2026-12-06T15:00:00Z');

describe('the shared controls in the URL', () => {
  it('defaults to the previous quarter, the organisation, live, every project type', () => {
    expect(parseGlobalState({}, now)).toEqual({ period: '2026-Q3', scope: 'org', asOf: null, projectType: null });
    expect(defaultPeriod(new Date('2026-01-10T00:00:00Z'))).toBe('2025-Q4');
  });

  it('reads a deep link, and leaves the defaults out of the link it writes', () => {
    const state = parseGlobalState(
      { period: '2026-05', scope: 'team:team-000001', asOf: '2026-06-30T23:59:59.999Z', projectType: 'service' },
      now,
    );
    expect(state).toEqual({
      period: '2026-05',
      scope: 'team:team-000001',
      asOf: '2026-06-30T23:59:59.999Z',
      projectType: 'service',
    });
    expect(globalQuery(state, now)).toEqual({
      period: '2026-05',
      scope: 'team:team-000001',
      asOf: '2026-06-30T23:59:59.999Z',
      projectType: 'service',
    });
    expect(globalQuery(parseGlobalState({}, now), now)).toEqual({});
  });

  it('falls back to the default for a hand-edited value it cannot read', () => {
    expect(
      parseGlobalState({ period: '2026-Q5', scope: "team:x' OR 1", asOf: 'yesterday', projectType: 'secret' }, now),
    ).toEqual(parseGlobalState({}, now));
  });

  it('takes a day as the end of that day, UTC', () => {
    expect(endOfDayUtc('2026-03-31')).toBe('2026-03-31T23:59:59.999Z');
  });
});

describe('period choices and sparkline span', () => {
  it('offers 12 quarters and 24 months back from now, newest first', () => {
    const { quarters, months } = periodChoices(now);
    expect(quarters.slice(0, 2)).toEqual(['2026-Q4', '2026-Q3']);
    expect(quarters).toHaveLength(12);
    expect(months.at(-1)).toBe('2025-01');
  });

  it('spans the period and the five before it, stopping inside the period', () => {
    expect(sparklineRange('2026-Q3')).toEqual({
      from: '2025-04-01T00:00:00.000Z',
      to: '2026-09-30T23:59:59.999Z',
      grain: 'quarter',
    });
    expect(sparklineRange('2026-03').grain).toBe('month');
  });
});
