import { DAY, HOUR, iso } from '../world/calendar.js';
import { concatenated } from '../world/list-view.js';
import { consultantActor, type Organisation } from '../world/org.js';
import type { World } from '../world/world.js';
import type { Deal } from './deal.js';

const KINDS = ['exchange', 'demo', 'demo', 'poc', 'workshop', 'presentation', 'site_visit'] as const;

/**
 * Customer-facing activities of a deal: one to three, a PoC for some, each completed (with
 * satisfaction, PoC criteria met, assets used) or now and then cancelled. Good teams run better
 * PoCs, reuse more assets and leave customers happier; that moves the deal's odds.
 */
export function runActivities(world: World, org: Organisation, deal: Deal, from: number): void {
  const { prng } = world;
  const count = prng.int(1, 3);
  for (let n = 1; n <= count; n += 1) {
    const at = from + (n - 1) * prng.int(5, 12) * DAY;
    world.at(at, () => {
      if (deal.closed || !deal.lead.active) return;
      const activityId = `actv-${deal.id.slice(4)}-${n}`;
      const kind = prng.pick(KINDS);
      const helpers = org.activeMembers(deal.team).filter((member) => member.id !== deal.lead.id);
      const consultantIds = [deal.lead.id, ...(helpers.length > 0 && prng.chance(0.4) ? [prng.pick(helpers).id] : [])];
      const scheduledFor = at + prng.int(2, 9) * DAY;
      const plannedHours = kind === 'poc' ? prng.int(16, 60) : prng.int(2, 8);
      world.issue(
        'activity',
        activityId,
        {
          type: 'ScheduleActivity',
          data: {
            activityId,
            opportunityId: deal.id,
            kind,
            consultantIds,
            scheduledFor: iso(scheduledFor),
            plannedHours,
          },
        },
        at,
        consultantActor(deal.lead.id),
      );
      const doneAt = scheduledFor + (kind === 'poc' ? prng.int(5, 15) * DAY : prng.int(2, 6) * HOUR);
      world.at(doneAt, () => {
        if (prng.chance(0.07)) {
          world.issue(
            'activity',
            activityId,
            {
              type: 'CancelActivity',
              data: { activityId, reason: 'customer rescheduled and then dropped the session' },
            },
            doneAt,
            consultantActor(deal.lead.id),
          );
        } else {
          completeActivity(world, org, deal, activityId, kind, plannedHours, doneAt);
        }
        world.retire('activity', activityId);
      });
    });
  }
}

function completeActivity(
  world: World,
  org: Organisation,
  deal: Deal,
  activityId: string,
  kind: (typeof KINDS)[number],
  plannedHours: number,
  at: number,
): void {
  const { prng } = world;
  const quality = deal.quality;
  const outcome = prng.chance(0.35 + 0.5 * quality) ? 'positive' : prng.chance(0.6) ? 'neutral' : 'negative';
  deal.odds += outcome === 'positive' ? 0.05 : outcome === 'negative' ? -0.07 : 0;
  const assets = concatenated(deal.productLines.map((line) => org.assets.get(line) ?? []));
  const usedAssetIds =
    assets.length > 0 && prng.chance(0.2 + 0.6 * quality)
      ? prng.sample(assets, prng.int(1, Math.min(2, assets.length)))
      : [];
  const criteriaTotal = prng.int(4, 10);
  const poc =
    kind === 'poc'
      ? {
          pocCriteriaTotal: criteriaTotal,
          pocCriteriaMet: prng.chance(0.3 + 0.6 * quality) ? criteriaTotal : prng.int(1, criteriaTotal - 1),
        }
      : {};
  const satisfaction = Math.max(1, Math.min(5, Math.round(2.5 + 2.2 * quality + prng.between(-1, 1))));
  world.issue(
    'activity',
    activityId,
    {
      type: 'CompleteActivity',
      data: {
        activityId,
        actualHours: Math.round(plannedHours * prng.between(0.8, 1.4) * 4) / 4,
        outcome,
        ...(prng.chance(0.85) ? { customerSatisfaction: satisfaction } : {}),
        ...poc,
        usedAssetIds,
      },
    },
    at,
    consultantActor(deal.lead.id),
  );
}
