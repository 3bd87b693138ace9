import { describe, expect, it } from 'vitest';
import { sqlDateTimeOfEpochMs } from './utc-date-time.js';

const viaIso = (ms: number) => new Date(ms).toISOString().slice(0, 19).replace('T', ' ');

describe('sqlDateTimeOfEpochMs', () => {
  it('writes the UTC wall time of the ISO text, seconds truncated', () => {
    expect(sqlDateTimeOfEpochMs(0)).toBe('1970-01-01 00:00:00');
    expect(sqlDateTimeOfEpochMs(Date.parse('2024-02-29T23:59:59.999Z'))).toBe('2024-02-29 23:59:59');
    expect(sqlDateTimeOfEpochMs(Date.parse('2100-03-01T00:00:00Z'))).toBe('2100-03-01 00:00:00');
    expect(sqlDateTimeOfEpochMs(Date.parse('9999-12-31T23:59:59Z'))).toBe('9999-12-31 23:59:59');
  });

  it('agrees with toISOString at every day boundary and leap rule, and on random instants', () => {
    const instants = [
      Date.parse('1999-12-31T23:59:59Z'),
      Date.parse('2000-02-29T12:00:00Z'),
      Date.parse('1900-03-01T00:00:00Z'),
      -1,
      253_402_300_800_000,
      8.64e15,
    ];
    for (let day = 0; day < 200_000; day += 31) instants.push(day * 86_400_000 - 1, day * 86_400_000);
    // A fixed linear congruential sequence: reproducible, yet not aligned to anything.
    let seed = 20_260_101;
    for (let i = 0; i < 20_000; i += 1) {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      instants.push(Math.floor((seed / 2 ** 31) * 4_102_444_800_000));
    }
    for (const ms of instants) expect(sqlDateTimeOfEpochMs(ms), String(ms)).toBe(viaIso(ms));
  });
});
