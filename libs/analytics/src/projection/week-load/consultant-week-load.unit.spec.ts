import { describe, expect, it } from 'vitest';
import { mondayOf } from '../../staffing/weekly-load.js';
import { weekLoadRows } from './consultant-week-load.js';
import { mondaysWithin, WEEK_MS } from './week-arithmetic.js';

const ms = (iso: string) => Date.parse(iso);

describe('the weekly committed load rows of an event', () => {
  it('finds the Mondays of a span as the calendar does, both ends included', () => {
    expect(mondaysWithin(ms('2026-12-07T00:00:00Z'), ms('2026-12-21T00:00:00Z'))).toEqual([
      ms('2026-12-07T00:00:00Z'),
      ms('2026-12-14T00:00:00Z'),
      ms('2026-12-21T00:00:00Z'),
    ]);
    expect(mondaysWithin(ms('2026-12-08T00:00:00Z'), ms('2026-12-13T00:00:00Z'))).toEqual([]);
    expect(mondaysWithin(ms('2026-12-21T00:00:00Z'), ms('2026-12-07T00:00:00Z'))).toEqual([]);
    for (let day = 0; day < 400; day += 1) {
      const from = ms('2025-12-01T00:00:00Z') + day * 86_400_000 + (day % 5) * 3_600_000;
      const first = mondayOf(from) === from ? from : mondayOf(from) + WEEK_MS;
      expect(mondaysWithin(from, from + 20 * 86_400_000)[0]).toBe(first);
    }
  });

  it('adds an assignment on each Monday it covers and takes a release back from the first Monday on or after it', () => {
    const assigned = weekLoadRows('ConsultantAssigned', {
      position: 7,
      entity_id: 'C-1',
      assignment_id: 'AS-1',
      allocation_pct: 33.33,
      from_at_ms: ms('2026-12-01T00:00:00Z'),
      to_at_ms: ms('2026-12-31T00:00:00Z'),
      occurred_at_ms: ms('2026-11-20T00:00:00Z'),
    });
    expect(
      assigned.map((row) => [new Date(Number(row['monday_ms'])).toISOString().slice(0, 10), row['load_hundredths']]),
    ).toEqual([
      ['2026-12-07', 3333],
      ['2026-12-14', 3333],
      ['2026-12-21', 3333],
      ['2026-12-28', 3333],
    ]);
    expect(assigned[0]).toMatchObject({ consultant_id: 'C-1', assignment_id: 'AS-1', position: 7, version: 7 });
    const released = weekLoadRows('ConsultantReleased', {
      position: 9,
      entity_id: 'C-1',
      assignment_id: 'AS-1',
      assignment_allocation_pct: 33.33,
      assignment_from_ms: ms('2026-12-01T00:00:00Z'),
      assignment_to_ms: ms('2026-12-31T00:00:00Z'),
      occurred_at_ms: ms('2026-12-14T00:00:00Z'),
    });
    expect(
      released.map((row) => [new Date(Number(row['monday_ms'])).toISOString().slice(0, 10), row['load_hundredths']]),
    ).toEqual([
      ['2026-12-14', -3333],
      ['2026-12-21', -3333],
      ['2026-12-28', -3333],
    ]);
    expect(weekLoadRows('ConsultantOnboarded', { position: 1 })).toEqual([]);
  });
});
