import type {
  ApiErrorBody,
  AssetDetailResponse,
  AssetSuggestionsResponse,
  CapacityPlanResponse,
  LibrarySearchResponse,
  StaffingSuggestionsResponse,
} from '@presales/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  bearerFor,
  json,
  postJson,
  startPlatform,
  tempDataDir,
  type PlatformProcess,
} from './platform-process.js';

const DAY = 86_400_000;
const day = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().slice(0, 10);
const at = (offsetDays: number) => new Date(Date.now() + offsetDays * DAY).toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * The staffing and library routes over real HTTP with real sign-in on chDB: recorded through the
 * command API, read back as a manager of one team, a sales owner, someone not involved.
 */
describe('staffing suggestions, the capacity plan and the knowledge library over HTTP', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  let manager: Record<string, string>;
  let sam: Record<string, string>;
  const url = (path: string) => `${platform.url}${path.replace(/^\//, '')}`;
  const record = async (path: string, body: unknown) => {
    const response = await postJson(url(path), body);
    expect(response.status, `${path}: ${await response.clone().text()}`).toBe(201);
  };
  const get = async <T>(path: string, headers: Record<string, string>, status = 200) => {
    const response = await apiFetch(url(path), { headers });
    expect(response.status, `${path}: ${await response.clone().text()}`).toBe(status);
    return json<T>(response);
  };
  const consultant = (consultantId: string, teamId: string, productLines: string[], skills: string[]) => ({
    consultantId,
    name: `Consultant ${consultantId}`,
    teamId,
    level: 'senior',
    productLines,
    skills,
    weeklyCapacityHours: 40,
    hourlyCost: { amount: '100', currency: 'CNY' },
    occurredAt: at(-400),
  });

  beforeAll(async () => {
    platform = await startPlatform(data.dir);
    manager = await bearerFor(platform.url, 'manager', 'mia');
    sam = await bearerFor(platform.url, 'sales', 'sam');
    await record('api/teams', {
      teamId: 'T-erp',
      name: 'ERP 团队',
      managerId: 'mia',
      productLines: ['erp'],
      occurredAt: at(-400),
    });
    await record('api/teams', {
      teamId: 'T-crm',
      name: 'CRM team',
      managerId: 'someone-else',
      productLines: ['crm'],
      occurredAt: at(-400),
    });
    await record('api/consultants', consultant('C-free', 'T-erp', ['erp'], ['Demo craft']));
    await record('api/consultants', consultant('C-busy', 'T-erp', ['erp'], ['Demo craft']));
    await record('api/consultants', consultant('C-crm', 'T-crm', ['crm'], ['Demo craft']));
    await record('api/consultants/C-free/certifications', { skill: 'Demo craft', level: 5, occurredAt: at(-100) });
    await record('api/opportunities', {
      opportunityId: 'O-1',
      name: 'Grid ERP',
      customer: 'State Grid 国家电网',
      industry: 'utilities',
      region: 'East',
      productLines: ['erp'],
      projectType: 'project',
      estimatedValue: { amount: '1200000', currency: 'CNY' },
      salesOwnerId: 'sam',
      occurredAt: at(-30),
    });
    await record('api/opportunities/O-1/support-requests', {
      requestId: 'R-demo',
      requestedBy: 'sam',
      kind: 'demo',
      productLine: 'erp',
      dueAt: at(10),
      occurredAt: at(-1),
    });
    await record('api/consultants/C-busy/assignments', {
      assignmentId: 'A-busy',
      opportunityId: 'O-other',
      role: 'lead',
      allocationPct: 90,
      from: day(-14),
      to: day(60),
      occurredAt: at(-14),
    });
    await record('api/war-rooms', {
      warRoomId: 'W-1',
      opportunityId: 'O-1',
      commanderId: 'C-crm',
      memberIds: [],
      allocationPct: 60,
      reason: '国家电网 bid',
      occurredAt: at(-7),
    });
    await record('api/assets', {
      assetId: 'K-cloud',
      kind: 'solution_template',
      title: '云计算迁移解决方案',
      productLines: ['erp'],
      ownerId: 'C-free',
      occurredAt: at(-60),
    });
    await record('api/assets/K-cloud/revisions', {
      summary: 'ERP to the cloud in five steps 五个步骤',
      occurredAt: at(-20),
    });
    await record('api/assets', {
      assetId: 'K-old',
      kind: 'case_study',
      title: 'Manufacturing case 制造业案例',
      productLines: ['erp'],
      ownerId: 'C-busy',
      occurredAt: at(-500),
    });
    await record('api/tenders', {
      tenderId: 'TD-1',
      opportunityId: 'O-1',
      kind: 'rfp',
      issuer: 'State Grid',
      deadline: at(30),
      receivedAt: at(-5),
    });
    await record('api/tenders/TD-1/section-assignments', {
      sectionId: 'S-1',
      title: 'Cloud migration',
      assigneeId: 'C-free',
      dueAt: at(5),
      occurredAt: at(-4),
    });
    await record('api/tenders/TD-1/section-drafts', {
      sectionId: 'S-1',
      authorId: 'C-free',
      reusedAssetIds: ['K-cloud'],
      occurredAt: at(-3),
    });
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('ranks a manager’s own consultants for a demo request, with the reasons, and says who is on it already', async () => {
    const answer = await get<StaffingSuggestionsResponse>(
      'api/staffing/opportunities/O-1/requests/R-demo/suggestions',
      manager,
    );
    expect(answer.subject).toMatchObject({
      kind: 'request',
      opportunityId: 'O-1',
      workKind: 'demo',
      productLine: 'erp',
      skills: ['Demo craft'],
      neededPct: 20,
      alreadyOn: [],
    });
    expect(answer.consultants.map((c) => [c.consultantId, c.available])).toEqual([
      ['C-free', true],
      ['C-busy', false],
    ]);
    expect(answer.consultants[0]!.reasons).toContainEqual({ kind: 'skill', skill: 'Demo craft', level: 5 });
    expect(answer.consultants[1]!.reasons).toContainEqual({ kind: 'no_capacity', freePct: 10, neededPct: 20 });
  });

  it('lets the sales owner see suggestions for their opportunity across teams, refuses a salesperson not involved, and 404s what is not recorded', async () => {
    const owner = await get<StaffingSuggestionsResponse>(
      'api/staffing/opportunities/O-1/requests/R-demo/suggestions?limit=5&skills=Demo%20craft,Pricing&pct=30',
      sam,
    );
    expect(owner.subject).toMatchObject({ skills: ['Demo craft', 'Pricing'], neededPct: 30 });
    expect(owner.consultants.map((c) => c.consultantId).sort()).toEqual(['C-busy', 'C-crm', 'C-free']);
    const stranger = await get<ApiErrorBody>(
      'api/staffing/opportunities/O-1/requests/R-demo/suggestions',
      await bearerFor(platform.url, 'sales', 'sue'),
      403,
    );
    expect(stranger.error.message).toContain('is not involved in opportunity O-1');
    await get('api/staffing/opportunities/O-1/requests/R-none/suggestions', manager, 404);
    await get(
      'api/staffing/opportunities/O-1/requests/R-demo/suggestions',
      await bearerFor(platform.url, 'analyst'),
      403,
    );
    const room = await get<StaffingSuggestionsResponse>(
      'api/staffing/war-rooms/W-1/suggestions',
      await bearerFor(platform.url, 'admin'),
    );
    expect(room.subject).toMatchObject({ kind: 'war_room', neededPct: 60, alreadyOn: ['C-crm'] });
  });

  it('refuses bad input with 400 naming the field', async () => {
    const bad = await get<ApiErrorBody>(
      'api/staffing/opportunities/O-1/requests/R-demo/suggestions?pct=0&weeks=9&limit=x',
      manager,
      400,
    );
    expect(JSON.stringify(bad)).toContain('pct');
    expect(JSON.stringify(bad)).toContain('weeks');
    await get('api/staffing/opportunities/O-1/requests/R%27%20OR%201=1/suggestions', manager, 400);
    await get('api/library/assets?limit=1000', manager, 400);
    await get('api/library/assets?kind=poem', manager, 400);
    await get('api/library/assets?unknown=1', manager, 400);
    await get('api/library/suggestions?productLine=erp', manager, 400);
    await get('api/capacity-plan?weeks=20', manager, 400);
  });

  it('plans a manager’s teams for eight weeks with the war rooms driving the load, and refuses another manager’s team', async () => {
    const plan = await get<CapacityPlanResponse>('api/capacity-plan', manager);
    expect(plan.weeks).toHaveLength(8);
    expect(plan.groups.map((g) => [g.teamId, g.productLine, g.consultants])).toEqual([['T-erp', 'erp', 2]]);
    expect(plan.groups[0]!.weeks[1]).toMatchObject({ capacityHours: 80, committedHours: 36 });
    await get('api/capacity-plan?teamId=T-crm', manager, 403);
    const all = await get<CapacityPlanResponse>('api/capacity-plan', await bearerFor(platform.url, 'admin'));
    expect(all.warRooms).toMatchObject([
      { warRoomId: 'W-1', opportunityId: 'O-1', reason: '国家电网 bid', members: 1 },
    ]);
    await get('api/capacity-plan', sam, 403);
  });

  it('finds assets by Chinese words, flags the stale, shows one with its reuse, and suggests by product line and title', async () => {
    const found = await get<LibrarySearchResponse>(`api/library/assets?q=${encodeURIComponent('云计算 步骤')}`, sam);
    expect([found.words, found.assets.map((a) => a.assetId)]).toEqual([['云', '计算', '步骤'], ['K-cloud']]);
    expect(found.assets[0]).toMatchObject({ version: '2', reuses: 1, stale: false });
    const stale = await get<LibrarySearchResponse>('api/library/assets?freshness=stale', sam);
    expect(stale.assets.map((a) => a.assetId)).toEqual(['K-old']);
    expect(
      (await get<LibrarySearchResponse>('api/library/assets?freshness=stale&staleAfterMonths=120', sam)).assets,
    ).toEqual([]);
    const detail = await get<AssetDetailResponse>(
      'api/library/assets/K-cloud',
      await bearerFor(platform.url, 'auditor'),
    );
    expect(detail.reuses).toMatchObject([
      { kind: 'section', tenderId: 'TD-1', sectionId: 'S-1', opportunityId: 'O-1', outcome: 'open' },
    ]);
    expect(detail.figures).toEqual({ sections: 1, activities: 0, won: 0, lost: 0, winRate: null });
    await get('api/library/assets/K-none', sam, 404);
    const suggested = await get<AssetSuggestionsResponse>(
      `api/library/suggestions?productLine=erp&title=${encodeURIComponent('云迁移')}`,
      sam,
    );
    expect(suggested.assets.map((a) => a.assetId)).toEqual(['K-cloud', 'K-old']);
    expect((await apiFetch(url('api/library/assets'))).status).toBe(200);
    expect((await fetch(url('api/library/assets'))).status).toBe(401);
  });
});
