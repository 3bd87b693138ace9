import { decimalText, defaultTargetOf, KPI_CATALOG } from '@presales/kpi';
import { DAY, HOUR, iso, monthsSince, nextQuarterStart, quarterOf } from '../world/calendar.js';
import { managerActor, PMO, type Organisation, type Team } from '../world/org.js';
import type { World } from '../world/world.js';

/**
 * Areas whose every KPI gets a target each quarter (maturity level 4 needs that); the others get
 * targets for some KPIs in some quarters only, so areas reach different levels.
 */
const FULLY_TARGETED_AREAS = new Set(['bid', 'quotation', 'solution', 'collaboration']);

/**
 * The PDCA rhythm: at the start of each quarter the PMO sets org-wide targets and each team's
 * manager sets team targets for the win rate; managers raise corrective actions for KPIs that
 * missed (more often, and more effectively, in improving teams), complete and verify them.
 */
export function startPdca(world: World, org: Organisation): void {
  const quarter = (at: number): void => {
    world.at(at, () => {
      const period = quarterOf(at);
      const months = monthsSince(world.start, at);
      for (const kpi of KPI_CATALOG) {
        const defaultTarget = defaultTargetOf(kpi);
        if (kpi.direction === 'context' || defaultTarget === null) continue;
        if (!FULLY_TARGETED_AREAS.has(kpi.area) && !world.prng.chance(months < 12 ? 0.3 : 0.6)) continue;
        // Targets tighten a little each quarter in the direction that is better.
        const drift = kpi.direction === 'down' ? 1 - 0.01 * months : 1 + 0.005 * months;
        // A share can tighten towards 100 %, never past it.
        const target =
          kpi.unit === 'ratio' && kpi.direction === 'up' ? Math.min(1, defaultTarget * drift) : defaultTarget * drift;
        world.issue(
          'kpi',
          kpi.id,
          {
            type: 'SetKpiTarget',
            data: { kpiId: kpi.id, period, scope: { kind: 'org' }, target: decimalText(target) },
          },
          at,
          PMO,
        );
      }
      for (const team of org.teams) {
        world.issue(
          'kpi',
          'win_rate',
          {
            type: 'SetKpiTarget',
            data: {
              kpiId: 'win_rate',
              period,
              scope: { kind: 'team', id: team.id },
              target: decimalText(0.3 + 0.1 * org.quality(team, months)),
            },
          },
          at + HOUR,
          managerActor(team.managerId),
        );
        raiseCorrectiveActions(world, team, period, at, months);
      }
      quarter(nextQuarterStart(at) + 9 * HOUR);
    });
  };
  // The first targets once the KPI definitions are published.
  quarter(world.start + 3 * HOUR);
}

const ROOT_CAUSES = [
  'Bid/no-bid decided without scoring; we chased deals we could not win',
  'Reviews held too late to change the solution',
  'Quotes built from old price lists',
  'PoC success criteria not agreed with the customer up front',
  'Support requests sat in a shared inbox without an owner',
];

const ACTIONS = [
  'Score every tender with the bid/no-bid sheet within two days',
  'Hold the solution review at 50% of the response time',
  'Price every quote from the current price book, checked by the quotation desk',
  'Agree PoC criteria in writing before the first session',
  'Route requests to a named consultant within four working hours',
];

function raiseCorrectiveActions(world: World, team: Team, period: string, at: number, months: number): void {
  if (months < 3) return;
  const { prng } = world;
  const count =
    team.trajectory === 'improving'
      ? prng.int(1, 2)
      : team.trajectory === 'steady'
        ? prng.int(0, 1)
        : prng.chance(0.3)
          ? 1
          : 0;
  for (let n = 0; n < count; n += 1) {
    const kpi = prng.pick(KPI_CATALOG.filter((candidate) => candidate.direction !== 'context'));
    const raisedAt = at + prng.int(3, 20) * DAY;
    world.at(raisedAt, () => {
      const actionId = world.newId('act');
      const cause = prng.int(0, ROOT_CAUSES.length - 1);
      const dueAt = raisedAt + prng.int(30, 75) * DAY;
      world.issue(
        'action',
        actionId,
        {
          type: 'RaiseCorrectiveAction',
          data: {
            actionId,
            kpiId: kpi.id,
            period,
            scope: { kind: 'team', id: team.id },
            rootCause: ROOT_CAUSES[cause]!,
            action: ACTIONS[cause]!,
            ownerId: team.managerId,
            dueAt: iso(dueAt),
          },
        },
        raisedAt,
        managerActor(team.managerId),
      );
      const onTime = prng.chance(team.trajectory === 'improving' ? 0.85 : 0.5);
      const completedAt = onTime ? dueAt - prng.int(1, 20) * DAY : dueAt + prng.int(5, 45) * DAY;
      world.at(completedAt, () => {
        world.issue(
          'action',
          actionId,
          { type: 'CompleteCorrectiveAction', data: { actionId, result: 'Done as planned; see the team wiki' } },
          completedAt,
          managerActor(team.managerId),
        );
        const verifiedAt = completedAt + prng.int(20, 60) * DAY;
        world.at(verifiedAt, () => {
          const effective = prng.chance(
            team.trajectory === 'improving' ? 0.75 : team.trajectory === 'steady' ? 0.45 : 0.2,
          );
          const delta = effective ? prng.between(0.02, 0.12) : prng.between(-0.03, 0.01);
          world.issue(
            'action',
            actionId,
            { type: 'VerifyCorrectiveAction', data: { actionId, effective, measuredDelta: decimalText(delta) } },
            verifiedAt,
            managerActor(team.managerId),
          );
          world.retire('action', actionId);
        });
      });
    });
  }
}
