import { DAY, HOUR, monthsSince, WEEK } from '../world/calendar.js';
import { ASSET_TITLES, GAP_TITLES, PRODUCT_NAMES } from '../world/catalog.js';
import { consultantActor, PMO, type Organisation } from '../world/org.js';
import type { World } from '../world/world.js';

const ASSET_KINDS = ['solution_template', 'case_study', 'answer', 'demo_script', 'pricing_model'] as const;

/**
 * Knowledge builds up over time: consultants of improving teams publish more, assets are revised
 * and a few retired. Product management closes product gaps in later releases.
 */
export function startKnowledge(world: World, org: Organisation): void {
  const fortnight = (at: number): void => {
    world.at(at, () => {
      for (const team of org.teams) {
        const quality = org.quality(team, monthsSince(world.start, at));
        if (!world.prng.chance(0.25 + 0.5 * quality)) continue;
        const author = world.prng.pick(org.activeMembers(team).concat(org.consultants.get(team.managerId) ?? []));
        if (author === undefined) continue;
        publishAsset(world, org, team.productLines, author.id, at + world.prng.int(0, 9) * HOUR);
      }
      closeSomeGaps(world, org, at);
      fortnight(at + 2 * WEEK);
    });
  };
  fortnight(world.start + 10 * DAY);
}

function publishAsset(
  world: World,
  org: Organisation,
  productLines: readonly string[],
  ownerId: string,
  at: number,
): void {
  const { prng } = world;
  const assetId = world.newId('asset');
  const kindIndex = prng.int(0, ASSET_KINDS.length - 1);
  const line = prng.pick(productLines);
  world.issue(
    'asset',
    assetId,
    {
      type: 'PublishKnowledgeAsset',
      data: {
        assetId,
        kind: ASSET_KINDS[kindIndex]!,
        title: `${PRODUCT_NAMES[line as keyof typeof PRODUCT_NAMES]} ${ASSET_TITLES[kindIndex]}`,
        productLines: [line],
        ownerId,
      },
    },
    at,
    consultantActor(ownerId),
  );
  const assets = org.assets.get(line) ?? [];
  assets.push(assetId);
  org.assets.set(line, assets);
  if (prng.chance(0.4)) {
    const revisedAt = at + prng.int(30, 200) * DAY;
    world.at(revisedAt, () =>
      world.issue(
        'asset',
        assetId,
        { type: 'ReviseKnowledgeAsset', data: { assetId, summary: 'Updated after recent bids' } },
        revisedAt,
        consultantActor(ownerId),
      ),
    );
  } else if (prng.chance(0.1)) {
    const retiredAt = at + prng.int(120, 400) * DAY;
    world.at(retiredAt, () => {
      world.issue(
        'asset',
        assetId,
        { type: 'RetireKnowledgeAsset', data: { assetId, reason: 'Superseded by a newer version' } },
        retiredAt,
        PMO,
      );
      const live = org.assets.get(line) ?? [];
      live.splice(live.indexOf(assetId), 1);
      world.retire('asset', assetId);
    });
  }
}

/** A product gap gets its id the first time a requirement runs into it; later deals reuse it. */
export function gapFor(world: World, org: Organisation, productLine: string, at: number, actorId: string): string {
  const open = org.openGaps.get(productLine) ?? [];
  if (open.length > 0 && world.prng.chance(0.7)) return world.prng.pick(open);
  const gapId = world.newId('gap');
  const severity = world.prng.pick(['deal_breaker', 'major', 'major', 'minor', 'minor'] as const);
  world.issue(
    'gap',
    gapId,
    { type: 'IdentifyProductGap', data: { gapId, productLine, title: world.prng.pick(GAP_TITLES), severity } },
    at,
    consultantActor(actorId),
  );
  open.push(gapId);
  org.openGaps.set(productLine, open);
  return gapId;
}

function closeSomeGaps(world: World, org: Organisation, at: number): void {
  for (const [productLine, open] of org.openGaps) {
    if (open.length === 0 || !world.prng.chance(0.15)) continue;
    const gapId = open.shift()!;
    const release = `${PRODUCT_NAMES[productLine as keyof typeof PRODUCT_NAMES]} ${8 + Math.floor(monthsSince(world.start, at) / 6)}.${world.prng.int(0, 4)}`;
    world.issue('gap', gapId, { type: 'CloseProductGap', data: { gapId, release } }, at + 11 * HOUR, PMO);
    world.retire('gap', gapId, at + 11 * HOUR);
  }
}
