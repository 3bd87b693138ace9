import { formatPeriod, parsePeriod, type PeriodChanges } from '@presales/kpi';
import { describe, expect, it } from 'vitest';
import { keptPeriods, periodsChanged, type NewRows } from './kept-periods.js';

const periods = ['2025-01', '2025-02', '2025-03', '2025-04', '2025-Q1', '2025-Q2'].map(parsePeriod);
const names = (list: readonly { grain: string }[]) => list.map((p) => formatPeriod(p as never));
const ms = (iso: string) => Date.parse(iso);
const rows = (least: Record<string, string>, count = 1): NewRows => ({
  count,
  least: new Map(Object.entries(least).map(([column, iso]) => [column, ms(iso)])),
  latestRecorded: 0,
});
const fromBusinessTime: PeriodChanges = () => ({ endingAfter: ['occurred_at_ms'] });

describe('keptPeriods', () => {
  it('lists every month and quarter from the first business time to now', () => {
    expect(names(keptPeriods(new Date('2025-02-15T00:00:00Z'), new Date('2025-04-01T00:00:00Z')))).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-Q1',
      '2025-Q2',
    ]);
  });

  it('keeps nothing when the first business time is after now', () => {
    expect(keptPeriods(new Date('2026-01-01T00:00:00Z'), new Date('2025-01-01T00:00:00Z'))).toEqual([]);
  });
});

describe('periodsChanged', () => {
  it('changes the periods ending after the least business time of the new rows, months and quarters', () => {
    const changed = periodsChanged(
      periods,
      ['a', 'b'],
      fromBusinessTime,
      new Map([
        ['a', rows({ occurred_at_ms: '2025-03-31T23:59:59.999Z' })],
        ['b', rows({ occurred_at_ms: '2025-04-10T00:00:00Z' })],
      ]),
    );
    expect(names(changed)).toEqual(['2025-03', '2025-04', '2025-Q1', '2025-Q2']);
  });

  it('changes nothing when no table the KPI reads gained rows', () => {
    const newRows = new Map([
      ['a', rows({ occurred_at_ms: '2025-01-01T00:00:00Z' }, 0)],
      ['other', rows({ occurred_at_ms: '2025-01-01T00:00:00Z' })],
    ]);
    expect(periodsChanged(periods, ['a'], fromBusinessTime, newRows)).toEqual([]);
  });

  it('takes the least of every declared column, and every period for a table that says so', () => {
    const changes: PeriodChanges = (table) =>
      table === 'goals' ? { endingAfter: ['due_at_ms', 'occurred_at_ms'] } : 'every_period';
    const goals = new Map([
      ['goals', rows({ occurred_at_ms: '2025-04-02T00:00:00Z', due_at_ms: '2025-02-01T00:00:00Z' })],
    ]);
    expect(names(periodsChanged(periods, ['goals', 'achieved'], changes, goals))).toEqual([
      '2025-02',
      '2025-03',
      '2025-04',
      '2025-Q1',
      '2025-Q2',
    ]);
    const achieved = new Map([['achieved', rows({ occurred_at_ms: '2025-04-02T00:00:00Z' })]]);
    expect(periodsChanged(periods, ['goals', 'achieved'], changes, achieved)).toEqual(periods);
  });

  it('changes every period when a declared column was not asked for', () => {
    const changes: PeriodChanges = () => ({ endingAfter: ['due_at_ms'] });
    const newRows = new Map([['a', rows({ occurred_at_ms: '2025-04-02T00:00:00Z' })]]);
    expect(periodsChanged(periods, ['a'], changes, newRows)).toEqual(periods);
  });
});
