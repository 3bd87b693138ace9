import { describe, expect, it } from 'vitest';
import { areaMaturity, type PracticeEvidence } from './maturity.js';

const practice = (level: 2 | 3 | 4 | 5, evidence: number, units: number, id = `p${level}`): PracticeEvidence => ({
  id,
  level,
  description: id,
  meaning: { en: id, zh: id },
  unitsOfWork: { en: 'units', zh: '单位' },
  whenNoUnits: 'fails',
  evidence,
  units,
  threshold: 0.8,
  failingUnitIds: [],
});

describe('areaMaturity', () => {
  it('is Initial without evidence', () => {
    expect(areaMaturity('bid', []).level).toBe(1);
  });

  it('climbs while every level passes', () => {
    const result = areaMaturity('bid', [practice(2, 9, 10), practice(3, 8, 10), practice(4, 4, 10)]);
    expect(result.level).toBe(3);
    expect(result.levels.map((l) => l.satisfied)).toEqual([true, true, true, false, false]);
    expect(result.levels[3]!.practices[0]).toMatchObject({
      passed: false,
      share: 0.4,
      reason: '4 of 10 (40.0 %) < 80 %',
    });
  });

  it('applies the staged rule: a passing higher level does not count over a failing lower one', () => {
    const result = areaMaturity('bid', [
      practice(2, 5, 10),
      practice(3, 10, 10),
      practice(4, 10, 10),
      practice(5, 10, 10),
    ]);
    expect(result.level).toBe(1);
    expect(result.levels[2]).toMatchObject({ practicesPass: true, satisfied: false });
  });

  it('needs every practice of a level, and units of work to judge', () => {
    expect(areaMaturity('bid', [practice(2, 10, 10, 'a'), practice(2, 7, 10, 'b')]).level).toBe(1);
    expect(areaMaturity('bid', [practice(2, 0, 0)]).levels[1]!.practices[0]).toMatchObject({
      passed: false,
      reason: 'no units of work in the window',
    });
    expect(areaMaturity('bid', [{ ...practice(2, 0, 0), whenNoUnits: 'passes' }]).level).toBe(2);
  });
});
