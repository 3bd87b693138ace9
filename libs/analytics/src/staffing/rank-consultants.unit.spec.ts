import { describe, expect, it } from 'vitest';
import {
  rankConsultants,
  SCORE_CEILING_OUTSIDE_THE_LINE,
  topSettledWithinTheLine,
  type StaffingCandidate,
  type StaffingNeed,
} from './rank-consultants.js';

const MONDAY = Date.UTC(2026, 11, 7);
const WEEK = 7 * 86_400_000;
const need: StaffingNeed = {
  productLine: 'erp',
  skills: ['Demo craft', 'SAP FI'],
  weeks: [MONDAY, MONDAY + WEEK],
  neededPct: 40,
};

function consultant(id: string, over: Partial<StaffingCandidate> = {}): StaffingCandidate {
  return {
    consultantId: id,
    name: `Name ${id}`,
    teamId: 'T-1',
    level: 'senior',
    productLines: ['erp'],
    skillLevels: new Map([
      ['Demo craft', 3],
      ['SAP FI', 3],
    ]),
    loadPct: [20, 20],
    currentLoadPct: 20,
    past: { won: 0, lost: 0, positive: 0, negative: 0 },
    ...over,
  };
}

const order = (ranked: ReturnType<typeof rankConsultants>) => ranked.map((r) => r.consultantId);

describe('rankConsultants', () => {
  it('puts the consultant with the product line, higher certified skills and more free time first, and says why', () => {
    const ranked = rankConsultants(need, [
      consultant('other-line', { productLines: ['crm'] }),
      consultant('expert', {
        skillLevels: new Map([
          ['Demo craft', 5],
          ['SAP FI', 5],
        ]),
        loadPct: [0, 10],
      }),
      consultant('plain'),
    ]);
    expect(order(ranked)).toEqual(['expert', 'plain', 'other-line']);
    expect(ranked.map((r) => r.rank)).toEqual([1, 2, 3]);
    expect(ranked[0]!.reasons).toEqual([
      { kind: 'product_line', productLine: 'erp', covered: true },
      { kind: 'skill', skill: 'Demo craft', level: 5 },
      { kind: 'skill', skill: 'SAP FI', level: 5 },
      { kind: 'free_capacity', freePct: 90, neededPct: 40 },
      { kind: 'past_outcomes', won: 0, lost: 0, positive: 0, negative: 0 },
    ]);
    // 35 line + 30 skills + 20 capacity + 15 × ½ with no record.
    expect(ranked[0]!.score).toBe(92.5);
    expect(ranked[2]!.reasons[0]).toEqual({ kind: 'product_line', productLine: 'erp', covered: false });
  });

  it('names each missing skill with no level and scores it nothing', () => {
    const ranked = rankConsultants(need, [
      consultant('half', { skillLevels: new Map([['Demo craft', 5]]) }),
      consultant('none', { skillLevels: new Map() }),
    ]);
    expect(order(ranked)).toEqual(['half', 'none']);
    expect(ranked[1]!.reasons.filter((r) => r.kind === 'skill')).toEqual([
      { kind: 'skill', skill: 'Demo craft', level: null },
      { kind: 'skill', skill: 'SAP FI', level: null },
    ]);
    expect(ranked[0]!.score - ranked[1]!.score).toBe(15);
  });

  it('ranks whoever lacks the capacity in any needed week after everyone who has it, however well they fit', () => {
    const ranked = rankConsultants(need, [
      consultant('busy-second-week', {
        skillLevels: new Map([
          ['Demo craft', 5],
          ['SAP FI', 5],
        ]),
        loadPct: [0, 70],
      }),
      consultant('weak-but-free', { productLines: ['crm'], skillLevels: new Map() }),
    ]);
    expect(order(ranked)).toEqual(['weak-but-free', 'busy-second-week']);
    expect(ranked[1]!.available).toBe(false);
    expect(ranked[1]!.reasons).toContainEqual({ kind: 'no_capacity', freePct: 30, neededPct: 40 });
  });

  it('takes points from a consultant overloaded this week and says by how much', () => {
    const ranked = rankConsultants(need, [consultant('overloaded', { currentLoadPct: 130 }), consultant('calm')]);
    expect(order(ranked)).toEqual(['calm', 'overloaded']);
    expect(ranked[1]!.reasons).toContainEqual({ kind: 'overloaded_now', loadPct: 130 });
    expect(ranked[0]!.score - ranked[1]!.score).toBe(20);
  });

  it('counts free capacity as none when the load is above 100 %, never negative', () => {
    const [only] = rankConsultants(need, [consultant('full', { loadPct: [150, 120] })]);
    expect(only!.reasons).toContainEqual({ kind: 'no_capacity', freePct: 0, neededPct: 40 });
  });

  it('prefers a record of won deals and good activities on similar work over none, and none over a losing one', () => {
    const ranked = rankConsultants(need, [
      consultant('loser', { past: { won: 0, lost: 3, positive: 0, negative: 1 } }),
      consultant('fresh'),
      consultant('winner', { past: { won: 3, lost: 0, positive: 1, negative: 0 } }),
    ]);
    expect(order(ranked)).toEqual(['winner', 'fresh', 'loser']);
  });

  it('breaks ties by free capacity, then by name and id, whatever the input order', () => {
    const equalScore = [
      consultant('b', { name: 'Same' }),
      consultant('a', { name: 'Same' }),
      consultant('z', { name: 'Alpha' }),
    ];
    expect(order(rankConsultants(need, equalScore))).toEqual(['z', 'a', 'b']);
    expect(order(rankConsultants(need, [...equalScore].reverse()))).toEqual(['z', 'a', 'b']);
    // Full score either way (free 60 % and 80 % both cover 40 %): the freer consultant first.
    const ranked = rankConsultants(need, [
      consultant('a', { name: 'A', loadPct: [40, 40] }),
      consultant('b', { name: 'B', loadPct: [20, 20] }),
    ]);
    expect(ranked[0]!.score).toBe(ranked[1]!.score);
    expect(order(ranked)).toEqual(['b', 'a']);
  });

  it('ranks an empty list as empty, and refuses work with no weeks, a share outside (0, 100] or loads that do not match the weeks', () => {
    expect(rankConsultants(need, [])).toEqual([]);
    expect(() => rankConsultants({ ...need, weeks: [] }, [])).toThrow(/at least one week/);
    expect(() => rankConsultants({ ...need, neededPct: 0 }, [])).toThrow(/neededPct/);
    expect(() => rankConsultants(need, [consultant('short', { loadPct: [10] })])).toThrow(/1 weekly loads for 2 weeks/);
  });

  it('gives full skill points when the work names no skill', () => {
    const [only] = rankConsultants({ ...need, skills: [] }, [consultant('any', { skillLevels: new Map() })]);
    expect(only!.score).toBe(92.5);
  });
});

describe('rankConsultants with a limit', () => {
  it('gives the first places of the full ranking, whatever the limit, the ties and the input order', () => {
    // A small deterministic generator: the same 100 candidates on every run.
    let seed = 7;
    const next = (n: number) => {
      seed = (seed * 1_103_515_245 + 12_345) % 2_147_483_648;
      return seed % n;
    };
    const names = ['a', 'A', 'ä', 'Zoe', 'Zoë', 'Ånna', 'anna'];
    const candidates = Array.from({ length: 100 }, () =>
      consultant(`c-${next(90)}`, {
        name: names[next(names.length)]!,
        productLines: next(2) === 0 ? ['erp'] : ['crm'],
        skillLevels: new Map([['Demo craft', next(6)]]),
        loadPct: [next(3) * 30, next(3) * 30],
        currentLoadPct: next(3) * 50,
        past: { won: next(3), lost: next(2), positive: 0, negative: 0 },
      }),
    );
    const full = rankConsultants(need, candidates);
    expect(new Set(full.map((r) => r.score)).size).toBeLessThan(40);
    for (const limit of [0, 1, 2, 12, 13, 99, 100, 101]) {
      expect(rankConsultants(need, candidates, limit)).toEqual(full.slice(0, limit));
      expect(rankConsultants(need, [...candidates].reverse(), limit)).toEqual(full.slice(0, limit));
    }
    expect(rankConsultants(need, candidates, -1)).toEqual([]);
    expect(rankConsultants(need, candidates, Number.NaN)).toEqual([]);
  });
});

describe('topSettledWithinTheLine', () => {
  const expert = (id: string, over: Partial<StaffingCandidate> = {}) =>
    consultant(id, {
      skillLevels: new Map([
        ['Demo craft', 5],
        ['SAP FI', 4],
      ]),
      ...over,
    });

  it('no one outside the line scores above the ceiling, however skilled, free and successful', () => {
    for (const skills of [[], ['Demo craft'], need.skills]) {
      const [best] = rankConsultants({ ...need, skills }, [
        consultant('outsider', {
          productLines: ['crm'],
          skillLevels: new Map(need.skills.map((skill) => [skill, 5])),
          loadPct: [0, 0],
          currentLoadPct: 0,
          past: { won: 10_000, lost: 0, positive: 10_000, negative: 0 },
        }),
      ]);
      expect(best!.score).toBeLessThanOrEqual(SCORE_CEILING_OUTSIDE_THE_LINE);
      expect(best!.score).toBeGreaterThan(SCORE_CEILING_OUTSIDE_THE_LINE - 1);
    }
  });

  it('does not settle on a score equal to the ceiling: an outsider may round to it and win the tie by name', () => {
    const plainNeed: StaffingNeed = { ...need, skills: ['Demo craft'], neededPct: 20 };
    const free = { loadPct: [0, 0], currentLoadPct: 0 };
    const zed = consultant('zed', {
      name: 'Zed',
      skillLevels: new Map(),
      past: { won: 1, lost: 0, positive: 0, negative: 0 },
      ...free,
    });
    const amy = consultant('amy', {
      name: 'Amy',
      productLines: ['crm'],
      skillLevels: new Map([['Demo craft', 5]]),
      past: { won: 10_000, lost: 0, positive: 0, negative: 0 },
      ...free,
    });
    const withinTheLine = rankConsultants(plainNeed, [zed], 1);
    expect(withinTheLine[0]!.score).toBe(SCORE_CEILING_OUTSIDE_THE_LINE);
    // Everyone's first is the outsider, so the line alone must not answer.
    expect(rankConsultants(plainNeed, [zed, amy], 1)[0]!.consultantId).toBe('amy');
    expect(topSettledWithinTheLine(withinTheLine, 1)).toBe(false);
  });

  it('settles only when each of the first `limit` is available and above the ceiling', () => {
    const ranked = rankConsultants(need, [expert('a'), expert('b'), expert('busy', { loadPct: [90, 90] })]);
    expect(ranked.map((r) => [r.consultantId, r.available, r.score > SCORE_CEILING_OUTSIDE_THE_LINE])).toEqual([
      ['a', true, true],
      ['b', true, true],
      ['busy', false, true],
    ]);
    expect(topSettledWithinTheLine(ranked, 1)).toBe(true);
    expect(topSettledWithinTheLine(ranked, 2)).toBe(true);
    // The third is not available: someone outside the line who is would rank above them.
    expect(topSettledWithinTheLine(ranked, 3)).toBe(false);
    // Fewer within the line than asked for: the rest may come from outside it.
    expect(topSettledWithinTheLine(ranked.slice(0, 2), 3)).toBe(false);
    // Available but within the ceiling's reach: an outsider could tie or pass.
    const weak = rankConsultants(need, [consultant('weak', { skillLevels: new Map(), loadPct: [0, 0] })]);
    expect(weak[0]!.score).toBeLessThanOrEqual(SCORE_CEILING_OUTSIDE_THE_LINE);
    expect(topSettledWithinTheLine(weak, 1)).toBe(false);
  });
});
