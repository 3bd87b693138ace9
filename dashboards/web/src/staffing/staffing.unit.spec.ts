import { describe, expect, it } from 'vitest';
import { en } from '../i18n/en';
import { planFilterOf } from './plan-scope';
import { assignmentFor, loadShare, reasonText } from './reason-text';

const messageAt = (key: string): unknown =>
  key.split('.').reduce<unknown>((node, part) => (node as Record<string, unknown>)[part], en);

describe('reasonText', () => {
  it('words every kind of reason with a message that exists, for or against the consultant', () => {
    const cases = [
      [{ kind: 'product_line', productLine: 'erp', covered: true }, 'staffing.reason.lineYes', 'good'],
      [{ kind: 'product_line', productLine: 'erp', covered: false }, 'staffing.reason.lineNo', 'bad'],
      [{ kind: 'skill', skill: 'Demo craft', level: 4 }, 'staffing.reason.skill', 'good'],
      [{ kind: 'skill', skill: 'Demo craft', level: 1 }, 'staffing.reason.skill', 'neutral'],
      [{ kind: 'skill', skill: 'Demo craft', level: null }, 'staffing.reason.skillMissing', 'bad'],
      [{ kind: 'free_capacity', freePct: 60, neededPct: 20 }, 'staffing.reason.free', 'good'],
      [{ kind: 'no_capacity', freePct: 10, neededPct: 20 }, 'staffing.reason.noCapacity', 'bad'],
      [{ kind: 'overloaded_now', loadPct: 120 }, 'staffing.reason.overloaded', 'bad'],
      [{ kind: 'past_outcomes', won: 2, lost: 0, positive: 1, negative: 0 }, 'staffing.reason.past', 'good'],
      [{ kind: 'past_outcomes', won: 0, lost: 0, positive: 0, negative: 0 }, 'staffing.reason.past', 'neutral'],
    ] as const;
    for (const [reason, key, tone] of cases) {
      const text = reasonText(reason);
      expect([text.key, text.tone]).toEqual([key, tone]);
      expect(typeof messageAt(text.key), key).toBe('string');
    }
  });
});

describe('assignmentFor', () => {
  it('covers the needed weeks Monday to Sunday at the needed share', () => {
    const now = new Date('2026-12-09T10:15:30.123Z');
    expect(assignmentFor(['2026-12-07', '2026-12-14'], 20, now)).toEqual({
      assignmentId: 'asg-202612091015-123',
      from: '2026-12-07',
      to: '2026-12-20',
      allocationPct: 20,
    });
    expect(assignmentFor([], 50, now)).toMatchObject({ from: '2026-12-09', to: '2026-12-15' });
  });
});

describe('loadShare', () => {
  it('is committed over capacity, and nothing without capacity', () => {
    expect(loadShare(44, 40)).toBe(1.1);
    expect(loadShare(0, 0)).toBeNull();
  });
});

describe('planFilterOf', () => {
  it('plans the scope’s team or product line, and every team the reader sees otherwise', () => {
    expect(planFilterOf('team:T-1')).toEqual({ teamId: 'T-1' });
    expect(planFilterOf('product_line:erp')).toEqual({ productLine: 'erp' });
    expect(planFilterOf('org')).toEqual({});
    expect(planFilterOf('consultant:C-1')).toEqual({});
    expect(planFilterOf('team:')).toEqual({});
  });
});
