import type { ProcessArea } from '@presales/domain';
import { definitionOf, KPI_CATALOG } from '@presales/kpi';
import { DAY, HOUR, iso, monthsSince, WEEK } from '../world/calendar.js';
import { PERSON_NAMES, PRODUCT_LINES, PRODUCT_NAMES, SKILLS } from '../world/catalog.js';
import { managerActor, PMO, type Consultant, type Organisation, type Team, type Trajectory } from '../world/org.js';
import type { World } from '../world/world.js';

const LEVELS = ['junior', 'engineer', 'engineer', 'senior', 'senior', 'principal'] as const;
const CAPACITY = { junior: 40, engineer: 40, senior: 38, principal: 36, manager: 20 } as const;
const HOURLY_COST = { junior: '320', engineer: '450', senior: '600', principal: '850', manager: '900' } as const;

/**
 * When each process area publishes its standard, in months after the start: early for bid and
 * quotation, late for knowledge and resourcing, never for people and performance, so the maturity
 * levels differ by area. Areas listed twice publish a second version.
 */
const STANDARDS_SCHEDULE: readonly [area: ProcessArea, month: number][] = [
  ['bid', 0.5],
  ['quotation', 1],
  ['solution', 2],
  ['requirements', 3],
  ['communication', 8],
  ['knowledge', 10],
  ['bid', 12],
  ['collaboration', 14],
  ['resourcing', 17],
  ['quotation', 18],
];

const CHECKLISTS: Readonly<Record<string, readonly string[]>> = {
  bid: [
    'Bid/no-bid scored before any writing',
    'Every section has an owner and a due date',
    'Solution review before commercial review',
    'Final review signed off before submission',
  ],
  quotation: [
    'Margin at or above the floor, or approved by the director',
    'Every line priced from the price book',
    'Discounts justified in writing',
  ],
  solution: ['Requirements traced to the solution', 'Architecture reviewed by a principal'],
  requirements: ['Every requirement captured with source and priority', 'Fit assessed within five working days'],
  communication: [
    'Demo script from the asset library',
    'PoC success criteria agreed in writing',
    'Customer satisfaction asked after every activity',
  ],
  knowledge: ['Reuse an asset before writing from scratch', 'Publish a case study after every win'],
  collaboration: ['Support requests acknowledged within 24 hours', 'War room for bids above 5M'],
  resourcing: ['Allocation above 100% escalated', 'Weekly time logged by Friday'],
};

/** The organisation's first weeks: KPI definitions, standards, teams and their people; then its recurring rhythm. */
export function startOrganisation(world: World, org: Organisation, teamCount: number): void {
  world.at(world.start + 2 * HOUR, () => {
    // The catalog's definitions, as the platform publishes them on its first start.
    for (const kpi of KPI_CATALOG) {
      world.issue(
        'kpi',
        kpi.id,
        { type: 'PublishKpiDefinition', data: { kpiId: kpi.id, definition: definitionOf(kpi) } },
        world.start + 2 * HOUR,
        PMO,
      );
    }
  });
  for (const [area, month] of STANDARDS_SCHEDULE) {
    const at = world.start + Math.round(month * 30.44 * DAY) + 10 * HOUR;
    world.at(at, () => publishStandard(world, org, area, at));
  }
  for (let index = 0; index < teamCount; index += 1) {
    const at = teamFormedAt(world.start, index, teamCount);
    world.at(at, () => formTeam(world, org, index, at));
  }
}

/** However large the organisation, every team has formed by the end of its first weeks. */
const FORMING_DAYS = 14;

/**
 * Ten teams a day, one an hour from the first day, while that fits in the forming weeks; a larger
 * organisation forms more a day, over the same ten hours. At ten a day, 1,667 teams (10M events)
 * took 167 days, so the history fell 10% short of its scale.
 */
function teamFormedAt(start: number, index: number, teamCount: number): number {
  const perDay = Math.max(10, Math.ceil(teamCount / FORMING_DAYS));
  return start + DAY + Math.floor(index / perDay) * DAY + Math.floor(((index % perDay) * 10 * HOUR) / perDay);
}

function publishStandard(world: World, org: Organisation, area: string, at: number): void {
  const version = (org.standards.get(area) ?? 0) + 1;
  const base = CHECKLISTS[area] ?? ['Follow the area playbook'];
  const checklist = version === 1 ? base : [...base, `Lessons learned, revision ${version}`];
  world.issue('process', area, { type: 'PublishProcessStandard', data: { area, checklist } }, at, PMO);
  org.standards.set(area, version);
}

/** A third of the teams improve, a third hold steady, a third slip: the scorecards must tell them apart. */
function trajectoryOf(index: number): Trajectory {
  return (['improving', 'steady', 'declining'] as const)[index % 3]!;
}

function formTeam(world: World, org: Organisation, index: number, at: number): void {
  const { prng } = world;
  const teamId = world.newId('team');
  const productLines = prng.sample(PRODUCT_LINES, 2);
  const managerId = world.newId('con');
  const trajectory = trajectoryOf(index);
  const team: Team = {
    id: teamId,
    name: `${PRODUCT_NAMES[productLines[0]!]} ${['East', 'North', 'South', 'West', 'Central'][index % 5]} ${Math.floor(index / 5) + 1}`,
    productLines,
    managerId,
    trajectory,
    baseQuality:
      trajectory === 'improving'
        ? prng.between(0.35, 0.5)
        : trajectory === 'steady'
          ? prng.between(0.55, 0.7)
          : prng.between(0.6, 0.75),
    members: [],
    salesIds: [1, 2, 3].map((n) => `sales-${teamId.slice(5)}-${n}`),
  };
  org.addTeam(team);
  // The team exists before anyone is onboarded into it: ConsultantOnboarded.teamId is a reference.
  world.issue(
    'team',
    teamId,
    { type: 'FormTeam', data: { teamId, name: team.name, managerId, productLines } },
    at,
    PMO,
  );
  onboard(world, org, team, managerId, 'manager', at);
  const size = prng.int(5, 7);
  for (let n = 0; n < size; n += 1) hire(world, org, team, prng.pick(LEVELS), at + (n + 1) * HOUR);
  scheduleTeamRhythm(world, org, team, at);
}

export function hire(world: World, org: Organisation, team: Team, level: Consultant['level'], at: number): Consultant {
  const consultant = onboard(world, org, team, world.newId('con'), level, at);
  world.issue(
    'team',
    team.id,
    { type: 'AddTeamMember', data: { teamId: team.id, consultantId: consultant.id } },
    at,
    managerActor(team.managerId),
  );
  return consultant;
}

function onboard(
  world: World,
  org: Organisation,
  team: Team,
  consultantId: string,
  level: Consultant['level'],
  at: number,
): Consultant {
  const { prng } = world;
  const skills = prng.sample(SKILLS, prng.int(2, 4));
  const consultant: Consultant = {
    id: consultantId,
    teamId: team.id,
    level,
    skills,
    weeklyCapacityHours: CAPACITY[level],
    assignments: new Map(),
    active: true,
    goalCount: 0,
  };
  org.join(team, consultant);
  world.issue(
    'consultant',
    consultantId,
    {
      type: 'OnboardConsultant',
      data: {
        consultantId,
        name: prng.pick(PERSON_NAMES),
        teamId: team.id,
        level,
        productLines: [...team.productLines],
        skills,
        weeklyCapacityHours: CAPACITY[level],
        hourlyCost: { amount: HOURLY_COST[level], currency: 'CNY' },
      },
    },
    at,
    PMO,
  );
  return consultant;
}

/** Quarterly growth goals and certifications, and a little staff turnover. */
function scheduleTeamRhythm(world: World, org: Organisation, team: Team, formedAt: number): void {
  const quarterly = (at: number): void => {
    world.at(at, () => {
      const months = monthsSince(world.start, at);
      const quality = org.quality(team, months);
      for (const consultant of org.activeMembers(team)) {
        if (world.prng.chance(0.5)) setGrowthGoal(world, team, consultant, at + world.prng.int(1, 20) * DAY, quality);
      }
      // Turnover: now and then someone leaves and a replacement joins a few weeks later.
      const members = org.activeMembers(team);
      if (members.length > 4 && world.prng.chance(0.25)) {
        const leaver = world.prng.pick(members);
        const leaveAt = at + world.prng.int(5, 60) * DAY;
        world.at(leaveAt, () => offboard(world, org, team, leaver, leaveAt));
        const hireAt = leaveAt + world.prng.int(14, 45) * DAY;
        world.at(hireAt, () => hire(world, org, team, world.prng.pick(LEVELS), hireAt));
      }
      quarterly(at + 13 * WEEK);
    });
  };
  quarterly(formedAt + 3 * WEEK);
}

function setGrowthGoal(world: World, team: Team, consultant: Consultant, at: number, quality: number): void {
  world.at(at, () => {
    if (!consultant.active) return;
    consultant.goalCount += 1;
    const goalId = `goal-${consultant.id.slice(4)}-${consultant.goalCount}`;
    const skill = world.prng.pick(consultant.skills);
    const targetLevel = world.prng.int(2, 5);
    const dueAt = at + world.prng.int(60, 150) * DAY;
    world.issue(
      'consultant',
      consultant.id,
      { type: 'SetGrowthGoal', data: { consultantId: consultant.id, goalId, skill, targetLevel, dueAt: iso(dueAt) } },
      at,
      managerActor(team.managerId),
    );
    if (world.prng.chance(0.35 + 0.5 * quality)) {
      // Achieved on time mostly; late for some.
      const achievedAt = world.prng.chance(0.8)
        ? at + world.prng.int(20, Math.max(21, Math.floor((dueAt - at) / DAY))) * DAY
        : dueAt + world.prng.int(5, 40) * DAY;
      world.at(achievedAt, () => {
        if (!consultant.active) return;
        world.issue(
          'consultant',
          consultant.id,
          { type: 'CertifySkill', data: { consultantId: consultant.id, skill, level: targetLevel } },
          achievedAt,
          managerActor(team.managerId),
        );
        world.issue(
          'consultant',
          consultant.id,
          { type: 'AchieveGrowthGoal', data: { consultantId: consultant.id, goalId } },
          achievedAt,
          managerActor(team.managerId),
        );
      });
    }
  });
}

function offboard(world: World, org: Organisation, team: Team, consultant: Consultant, at: number): void {
  if (!consultant.active) return;
  for (const assignmentId of consultant.assignments.keys()) {
    world.issue(
      'consultant',
      consultant.id,
      { type: 'ReleaseConsultant', data: { consultantId: consultant.id, assignmentId } },
      at,
      managerActor(team.managerId),
    );
  }
  consultant.assignments.clear();
  world.issue(
    'consultant',
    consultant.id,
    { type: 'OffboardConsultant', data: { consultantId: consultant.id, reason: 'left the company' } },
    at,
    PMO,
  );
  world.issue(
    'team',
    team.id,
    { type: 'RemoveTeamMember', data: { teamId: team.id, consultantId: consultant.id } },
    at,
    managerActor(team.managerId),
  );
  world.retire('consultant', consultant.id);
  org.leave(team, consultant);
}
