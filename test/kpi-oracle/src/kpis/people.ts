import type { KpiContext } from '../model/context.js';
import { isIn } from '../model/period.js';
import { ratio } from '../model/stats.js';
import { millis } from '../model/time.js';
import { consultantsInScope } from '../model/units.js';

/**
 * growth_goal_attainment — "GrowthGoalSet of consultants in CONS with dueAt in P (bucketed by
 * dueAt) | goals with a GrowthGoalAchieved at or before dueAt ÷ units".
 */
export function growthGoalAttainment(ctx: KpiContext): number | null {
  const goals = consultantsInScope(ctx).flatMap((consultant) =>
    [...consultant.goals.values()].filter((goal) => isIn(ctx.period, millis(goal.set.data.dueAt))),
  );
  const achieved = goals.filter(
    (goal) => goal.achieved !== undefined && goal.achieved.occurredMs <= millis(goal.set.data.dueAt),
  );
  return ratio(achieved.length, goals.length);
}
