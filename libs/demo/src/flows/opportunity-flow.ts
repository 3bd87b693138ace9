import { PROJECT_TYPES } from '@presales/domain';
import { DAY, dateOf, HOUR, iso, monthsSince, seasonality, WEEK, workingTime } from '../world/calendar.js';
import { CUSTOMERS, INDUSTRIES, REGIONS, REQUIREMENT_TITLES } from '../world/catalog.js';
import { consultantActor, managerActor, salesActor, type Organisation, type Team } from '../world/org.js';
import type { World } from '../world/world.js';
import { runActivities } from './activity-flow.js';
import { closeDeal, toStage, type Deal } from './deal.js';
import { gapFor } from './knowledge-flow.js';
import { runQuote } from './quote-flow.js';
import { runTender } from './tender-flow.js';

/** Deals per team per week on average, before seasonality and growth. */
const DEALS_PER_TEAM_WEEK = 0.95;

/** Each team receives new opportunities every week: more in busy months, 15 % more each year. */
export function startDealFlow(world: World, org: Organisation): void {
  const week = (monday: number): void => {
    world.at(monday, () => {
      const growth = 1 + 0.15 * (monthsSince(world.start, monday) / 12);
      for (const team of org.teams) {
        const count = world.prng.poisson(DEALS_PER_TEAM_WEEK * seasonality(monday) * growth);
        for (let n = 0; n < count; n += 1) {
          const at = workingTime(monday + world.prng.int(0, 4) * DAY, world.prng.next());
          world.at(at, () => registerDeal(world, org, team, at));
        }
      }
      week(monday + WEEK);
    });
  };
  week(world.start + 2 * WEEK);
}

function logValue(world: World): number {
  // Log-uniform between 200k and 30M CNY: many small deals, a few big ones.
  return Math.round(Math.exp(world.prng.between(Math.log(200_000), Math.log(30_000_000))) / 1000) * 1000;
}

function registerDeal(world: World, org: Organisation, team: Team, at: number): void {
  const { prng } = world;
  const candidates = org.activeMembers(team);
  if (candidates.length === 0) return;
  const months = monthsSince(world.start, at);
  const quality = org.quality(team, months);
  const id = world.newId('opp');
  const salesId = prng.pick(team.salesIds);
  const value = logValue(world);
  const projectType = value > 8_000_000 ? prng.pick(['project', 'strategic'] as const) : prng.pick(PROJECT_TYPES);
  const productLines = prng.chance(0.3) ? [...team.productLines] : [prng.pick(team.productLines)];
  const customer = prng.pick(CUSTOMERS);
  world.issue(
    'opportunity',
    id,
    {
      type: 'RegisterOpportunity',
      data: {
        opportunityId: id,
        name: `${customer} ${productLines.join('+').toUpperCase()} ${new Date(at).getUTCFullYear()}`,
        customer,
        industry: prng.pick(INDUSTRIES),
        region: prng.pick(REGIONS),
        productLines,
        projectType,
        estimatedValue: { amount: String(value), currency: 'CNY' },
        salesOwnerId: salesId,
      },
    },
    at,
    salesActor(salesId),
  );
  const lead = prng.pick(candidates);
  const deal: Deal = {
    id,
    team,
    salesId,
    projectType,
    productLines,
    value,
    quality,
    lead,
    assignmentId: `asg-${id.slice(4)}`,
    gapIds: [],
    stage: 'lead',
    odds: 0.25 + 0.3 * quality,
    closed: false,
  };
  requestSupport(world, org, deal, at + prng.int(1, 3) * DAY);
}

/** Sales asks presales for help; a consultant acknowledges (fast in good teams) and is assigned. */
function requestSupport(world: World, org: Organisation, deal: Deal, at: number): void {
  world.at(at, () => {
    const { prng } = world;
    const requestId = `req-${deal.id.slice(4)}-1`;
    const kind = prng.pick(['exchange', 'demo', 'solution', 'workshop'] as const);
    world.issue(
      'opportunity',
      deal.id,
      {
        type: 'RequestPresalesSupport',
        data: {
          opportunityId: deal.id,
          requestId,
          requestedBy: deal.salesId,
          kind,
          productLine: deal.productLines[0]!,
          dueAt: iso(at + 3 * DAY),
        },
      },
      at,
      salesActor(deal.salesId),
    );
    // Acknowledged within hours in good teams, days in struggling ones.
    const responseHours = Math.max(0.5, prng.between(0.5, 8) + (1 - deal.quality) * prng.between(0, 60));
    const ackAt = at + Math.round(responseHours * HOUR);
    world.at(ackAt, () => {
      if (!deal.lead.active) return;
      world.issue(
        'opportunity',
        deal.id,
        { type: 'AcknowledgePresalesSupport', data: { opportunityId: deal.id, requestId, consultantId: deal.lead.id } },
        ackAt,
        consultantActor(deal.lead.id),
      );
      world.issue(
        'consultant',
        deal.lead.id,
        {
          type: 'AssignConsultant',
          data: {
            consultantId: deal.lead.id,
            assignmentId: deal.assignmentId,
            opportunityId: deal.id,
            role: 'lead',
            allocationPct: prng.pick([20, 30, 40, 50]),
            from: dateOf(ackAt),
            to: dateOf(ackAt + 120 * DAY),
          },
        },
        ackAt,
        managerActor(deal.team.managerId),
      );
      deal.lead.assignments.set(deal.assignmentId, deal.id);
      discover(world, org, deal, ackAt + prng.int(2, 10) * DAY);
    });
  });
}

/** Discovery: requirements captured and assessed for fit; gaps found on the way. */
function discover(world: World, org: Organisation, deal: Deal, at: number): void {
  world.at(at, () => {
    const { prng } = world;
    toStage(world, deal, 'discovery', at);
    const requirements = prng.int(2, 5);
    for (let n = 1; n <= requirements; n += 1) {
      const requirementId = `rq-${deal.id.slice(4)}-${n}`;
      const capturedAt = at + n * HOUR;
      world.issue(
        'opportunity',
        deal.id,
        {
          type: 'CaptureRequirement',
          data: {
            opportunityId: deal.id,
            requirementId,
            title: prng.pick(REQUIREMENT_TITLES),
            category: prng.pick(['functional', 'functional', 'non_functional', 'commercial', 'compliance'] as const),
            priority: prng.pick(['must', 'should', 'could'] as const),
            source: prng.pick(['meeting', 'document', 'rfi'] as const),
          },
        },
        capturedAt,
        consultantActor(deal.lead.id),
      );
      const assessedAt = capturedAt + prng.int(1, 8) * DAY;
      world.at(assessedAt, () => assessFit(world, org, deal, requirementId, assessedAt));
    }
    runActivities(world, org, deal, at + prng.int(3, 12) * DAY);
    const decideAt = at + prng.int(15, 40) * DAY;
    world.at(decideAt, () => qualify(world, org, deal, decideAt));
  });
}

function assessFit(world: World, org: Organisation, deal: Deal, requirementId: string, at: number): void {
  if (deal.closed) return;
  const { prng } = world;
  const roll = prng.next();
  const fit =
    roll < 0.3 + 0.35 * deal.quality ? 'standard' : roll < 0.75 ? 'configurable' : roll < 0.92 ? 'custom' : 'gap';
  const productLine = prng.pick(deal.productLines);
  const gapId = fit === 'gap' ? gapFor(world, org, productLine, at, deal.lead.id) : undefined;
  if (gapId !== undefined && !deal.gapIds.includes(gapId)) deal.gapIds.push(gapId);
  if (fit === 'gap') deal.odds -= 0.08;
  world.issue(
    'opportunity',
    deal.id,
    {
      type: 'AssessRequirementFit',
      data: {
        opportunityId: deal.id,
        requirementId,
        fit,
        productLine,
        ...(gapId === undefined ? {} : { gapId }),
        ...(fit === 'custom' || fit === 'gap' ? { effortDays: prng.int(5, 60) } : {}),
      },
    },
    at,
    consultantActor(deal.lead.id),
  );
}

/** Qualify out the hopeless ones; go to solution, a technical decision, then a tender or straight to a quote. */
function qualify(world: World, org: Organisation, deal: Deal, at: number): void {
  const { prng } = world;
  if (prng.chance(0.12))
    return closeDeal(world, deal, 'qualified_out', at, 'customer postponed the project indefinitely');
  toStage(world, deal, 'solution', at);
  const decisionAt = at + prng.int(7, 25) * DAY;
  world.at(decisionAt, () => {
    const win = prng.chance(0.45 + 0.45 * deal.quality);
    deal.odds += win ? 0.15 : -0.2;
    world.issue(
      'opportunity',
      deal.id,
      {
        type: 'RecordTechnicalDecision',
        data: {
          opportunityId: deal.id,
          outcome: win ? 'technical_win' : 'technical_loss',
          ...(win ? {} : { reason: 'competitor solution judged a better fit' }),
        },
      },
      decisionAt,
      salesActor(deal.salesId),
    );
    const tendered =
      deal.projectType === 'project' || deal.projectType === 'strategic' ? prng.chance(0.75) : prng.chance(0.25);
    if (tendered) runTender(world, org, deal, decisionAt + prng.int(2, 10) * DAY);
    else runQuote(world, deal, decisionAt + prng.int(2, 10) * DAY, undefined);
  });
}
