import { describe, expect, it } from 'vitest';
import { oracleKpi } from '../oracle.js';
import { oracleQuery } from '../testing/query.js';
import { Scenario } from '../testing/scenario.js';

describe('knowledge_reuse_rate: drafts reusing ≥1 asset ÷ ResponseSectionDrafted in P', () => {
  /** T1 (O1, erp): S1 reuses A1 (03-02), S2 reuses nothing (03-03). T2 (O2, crm): S3 reuses A1, A2 (03-04), S4 nothing (02-28). */
  const events = new Scenario()
    .consultant('c1', '2026-01-01T00:00:00Z', { teamId: 'team-a' })
    .opportunity('O1', '2026-02-01T00:00:00Z', { productLines: ['erp'] })
    .opportunity('O2', '2026-02-01T00:00:00Z', { productLines: ['crm'] })
    .assigned('c1', 'X1', 'O1', 50, '2026-02-01', '2026-03-31', '2026-02-01T00:00:00Z')
    .tender('T1', 'O1', '2026-02-20T00:00:00Z', '2026-04-30T00:00:00Z')
    .tender('T2', 'O2', '2026-02-20T00:00:00Z', '2026-04-30T00:00:00Z')
    .sectionDrafted('T1', 'S1', ['A1'], '2026-03-02T00:00:00Z')
    .sectionDrafted('T1', 'S2', [], '2026-03-03T00:00:00Z')
    .sectionDrafted('T2', 'S3', ['A1', 'A2'], { at: '2026-03-04T00:00:00Z', recordedAt: '2026-04-02T00:00:00Z' })
    .sectionDrafted('T2', 'S4', [], '2026-02-28T00:00:00Z').events;

  it('counts the drafts in P, by their tender’s opportunity', () => {
    expect(oracleKpi('knowledge_reuse_rate', events, oracleQuery('2026-03'))).toBe(2 / 3);
    expect(oracleKpi('knowledge_reuse_rate', events, oracleQuery('2026-Q1'))).toBe(2 / 4);
    expect(oracleKpi('knowledge_reuse_rate', events, oracleQuery('2026-03', { asOf: '2026-04-01T00:00:00Z' }))).toBe(
      1 / 2,
    );
    expect(
      oracleKpi('knowledge_reuse_rate', events, oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } })),
    ).toBe(1);
    expect(
      oracleKpi('knowledge_reuse_rate', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBe(1 / 2);
    expect(oracleKpi('knowledge_reuse_rate', events, oracleQuery('2026-04'))).toBeNull();
  });
});

describe('growth_goal_attainment: goals achieved by dueAt ÷ goals due in P', () => {
  /**
   * c1 (team-a): G1 due 03-15, achieved 03-10; G2 due 03-20, achieved 03-21 (late); G3 due 03-31 23:00,
   * never achieved; G4 due 04-05, achieved 03-01. c2 (team-b): G5 due 03-25 00:00, achieved exactly
   * then, recorded 04-02.
   */
  const events = new Scenario()
    .consultant('c1', '2026-01-01T00:00:00Z', { teamId: 'team-a', productLines: ['erp'] })
    .consultant('c2', '2026-01-01T00:00:00Z', { teamId: 'team-b', productLines: ['crm'] })
    .goalSet('c1', 'G1', '2026-03-15T00:00:00Z', '2026-01-10T00:00:00Z')
    .goalSet('c1', 'G2', '2026-03-20T00:00:00Z', '2026-01-10T00:00:00Z')
    .goalSet('c1', 'G3', '2026-03-31T23:00:00Z', '2026-01-10T00:00:00Z')
    .goalSet('c1', 'G4', '2026-04-05T00:00:00Z', '2026-01-10T00:00:00Z')
    .goalSet('c2', 'G5', '2026-03-25T00:00:00Z', '2026-01-10T00:00:00Z')
    .goalAchieved('c1', 'G4', '2026-03-01T00:00:00Z')
    .goalAchieved('c1', 'G1', '2026-03-10T00:00:00Z')
    .goalAchieved('c1', 'G2', '2026-03-21T00:00:00Z')
    .goalAchieved('c2', 'G5', { at: '2026-03-25T00:00:00Z', recordedAt: '2026-04-02T00:00:00Z' }).events;

  it('buckets goals by dueAt and counts an achievement exactly at dueAt', () => {
    // March: G1 yes, G2 no, G3 no, G5 yes.
    expect(oracleKpi('growth_goal_attainment', events, oracleQuery('2026-03'))).toBe(2 / 4);
    expect(oracleKpi('growth_goal_attainment', events, oracleQuery('2026-04'))).toBe(1); // G4
    expect(oracleKpi('growth_goal_attainment', events, oracleQuery('2026-03', { asOf: '2026-04-01T00:00:00Z' }))).toBe(
      1 / 4,
    );
  });

  it('scopes by the goal’s consultant and is null without goals due', () => {
    expect(
      oracleKpi('growth_goal_attainment', events, oracleQuery('2026-03', { scope: { kind: 'team', id: 'team-a' } })),
    ).toBe(1 / 3);
    expect(
      oracleKpi(
        'growth_goal_attainment',
        events,
        oracleQuery('2026-03', { scope: { kind: 'product_line', id: 'crm' } }),
      ),
    ).toBe(1);
    expect(oracleKpi('growth_goal_attainment', events, oracleQuery('2026-05'))).toBeNull();
  });
});
