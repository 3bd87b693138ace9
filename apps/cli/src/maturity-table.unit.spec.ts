import type { MaturityResponse } from '@presales/contracts';
import { describe, expect, it } from 'vitest';
import { maturityTable } from './kpi-command.js';

const practice = (id: string, passed: boolean, reason?: string) => ({
  id,
  level: 2,
  description: `${id} in English`,
  meaning: { en: `${id} in English`, zh: `${id} 中文` },
  unitsOfWork: { en: 'units', zh: '单位' },
  whenNoUnits: 'fails' as const,
  evidence: passed ? 1 : 0,
  units: 1,
  share: passed ? 1 : 0,
  threshold: 0.8,
  passed,
  ...(reason === undefined ? {} : { reason }),
  failingUnitIds: passed ? [] : ['T-1'],
});

const answer: MaturityResponse = {
  asOf: '2026-07-15T00:00:00.000Z',
  window: { from: '2026-04-01T00:00:00.000Z', to: '2026-07-01T00:00:00.000Z', quarters: ['2026-Q2'] },
  threshold: 0.8,
  areas: [
    {
      area: 'bid',
      level: 1,
      name: 'Initial',
      zh: '初始级',
      levels: [
        {
          level: 2,
          name: 'Repeatable',
          zh: '重复级',
          practicesPass: false,
          satisfied: false,
          practices: [practice('bid.a', true), practice('bid.b', false, '0 of 1 (0.0 %) < 80 %')],
        },
      ],
    },
  ],
};

describe('maturityTable, one area', () => {
  it('says in both languages what each failing practice asks for, and why it failed', () => {
    const text = maturityTable(answer, true);
    expect(text).toContain(
      'failing practices · 未通过的实践:\nbid.b: bid.b in English\n  bid.b 中文 (0 of 1 (0.0 %) < 80 %)',
    );
    expect(text).not.toContain('bid.a: bid.a in English');
  });

  it('lists no failing practices when every one passed', () => {
    const passing = {
      ...answer,
      areas: [
        { ...answer.areas[0]!, levels: [{ ...answer.areas[0]!.levels[0]!, practices: [practice('bid.a', true)] }] },
      ],
    };
    expect(maturityTable(passing, true)).not.toContain('failing practices');
  });
});
