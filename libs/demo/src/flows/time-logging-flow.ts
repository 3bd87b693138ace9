import { DAY, dateOf, HOUR, mondayOf, seasonality, WEEK } from '../world/calendar.js';
import { consultantActor, type Organisation, type Team } from '../world/org.js';
import type { World } from '../world/world.js';

/**
 * Every Friday each active consultant logs the week: a few entries over the weekdays, busier in
 * the buying seasons, customer-facing and bid-writing time booked against an assigned
 * opportunity. Utilization follows the team's practice: declining teams drift into overload.
 */
export function startTimeLogging(world: World, org: Organisation): void {
  const firstFriday = mondayOf(world.start) + 4 * DAY + 17 * HOUR + WEEK;
  const week = (friday: number): void => {
    world.at(friday, () => {
      for (const team of org.teams) for (const member of [...team.members]) logWeek(world, org, team, member, friday);
      week(friday + WEEK);
    });
  };
  week(firstFriday);
}

const CATEGORIES = ['customer_facing', 'solution', 'bid_writing', 'internal', 'training'] as const;

function logWeek(world: World, org: Organisation, team: Team, consultantId: string, friday: number): void {
  const consultant = org.consultants.get(consultantId);
  if (consultant === undefined || !consultant.active) return;
  const { prng } = world;
  const monday = mondayOf(friday);
  const load = team.trajectory === 'declining' ? 0.95 : 0.8;
  const target = consultant.weeklyCapacityHours * Math.min(1.2, load * seasonality(friday) * prng.between(0.8, 1.1));
  const opportunities = [...consultant.assignments.values()];
  const days = prng.int(2, 3);
  const perDay = Math.min(12, Math.round((target / days) * 4) / 4);
  for (let day = 0; day < days; day += 1) {
    const category =
      opportunities.length > 0 && prng.chance(0.7)
        ? prng.pick(CATEGORIES.slice(0, 3))
        : prng.pick(CATEGORIES.slice(3).concat(['solution']));
    const opportunityId =
      category === 'internal' || category === 'training' || opportunities.length === 0
        ? undefined
        : prng.pick(opportunities);
    const date = dateOf(monday + day * DAY);
    world.issue(
      'consultant',
      consultantId,
      {
        type: 'LogTime',
        data: {
          consultantId,
          entryId: `te-${consultantId.slice(4)}-${date}`,
          date,
          hours: Math.max(0.5, perDay),
          category,
          ...(opportunityId === undefined ? {} : { opportunityId }),
        },
      },
      friday,
      consultantActor(consultantId),
    );
  }
}
