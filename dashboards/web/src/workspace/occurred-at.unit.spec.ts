import { describe, expect, it } from 'vitest';
import { localDayOf, occurredAtOf } from './occurred-at';

describe('when a chain happened', () => {
  it('is left to the API’s clock when blank, and sent as UTC ISO when given', () => {
    expect(occurredAtOf('')).toEqual({});
    expect(occurredAtOf('  ')).toEqual({});
    expect(occurredAtOf('2026-08-03T09:30:00.000Z')).toEqual({ occurredAt: '2026-08-03T09:30:00.000Z' });
    // A datetime-local value is the person's local time: the same instant in UTC.
    expect(occurredAtOf('2026-08-03T09:30')).toEqual({ occurredAt: new Date('2026-08-03T09:30').toISOString() });
  });
  it('gives the local day a back-dated exchange’s time is logged on', () => {
    expect(localDayOf('2026-08-03T23:30')).toBe('2026-08-03');
    expect(localDayOf('')).toBe('');
  });
});
