import { Scenario } from './scenario.js';

/**
 * The people area over 2026-Q1 and 2026-Q2, climbing to level 5, for the maturity oracle's unit
 * tests and the platform's end-to-end check of the same numbers:
 *
 * - level 2: c1, the only consultant, has growth goals;
 * - level 3: the people standard is published; c1, whose goals fall due in the window, is certified;
 * - level 4: growth_goal_attainment (the area's only KPI) has an org target of 0.8 in both quarters
 *   and an actual: Q1 g1 achieved, g2 not (0.5), Q2 g3 achieved (1.0);
 * - level 5: Q1 is red (−37.5 % against 0.8) and has action A1, verified effective; the composite
 *   went from 0.625 (0.5 ÷ 0.8) to 1.2 (1.0 ÷ 0.8 = 1.25, capped).
 *
 * A1's verification is recorded on 2026-07-10: assessed as of 2026-07-05 the area has no verified
 * action and stays at level 4.
 */
export function peopleClimbsToLevel5(): Scenario {
  return new Scenario()
    .consultant('c1', '2025-06-01T00:00:00Z')
    .standard('people', 1, '2025-12-01T00:00:00Z')
    .goalSet('c1', 'g1', '2026-02-01T00:00:00Z', '2025-12-15T00:00:00Z')
    .goalSet('c1', 'g2', '2026-03-01T00:00:00Z', '2025-12-15T00:00:00Z')
    .goalSet('c1', 'g3', '2026-05-01T00:00:00Z', '2025-12-15T00:00:00Z')
    .targetSet('growth_goal_attainment', '2026-Q1', '0.8', '2025-12-20T00:00:00Z')
    .targetSet('growth_goal_attainment', '2026-Q2', '0.8', '2026-03-20T00:00:00Z')
    .goalAchieved('c1', 'g1', '2026-01-20T00:00:00Z')
    .skillCertified('c1', '2026-01-20T00:00:00Z')
    .actionRaised(
      'A1',
      'growth_goal_attainment',
      '2026-Q1',
      { kind: 'org' },
      '2026-04-30T00:00:00Z',
      '2026-04-02T00:00:00Z',
    )
    .goalAchieved('c1', 'g3', '2026-04-25T00:00:00Z')
    .actionCompleted('A1', '2026-04-28T00:00:00Z')
    .actionVerified('A1', true, '2026-07-10T00:00:00Z');
}
