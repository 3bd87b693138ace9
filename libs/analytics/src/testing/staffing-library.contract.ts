import { beforeAll, describe, expect, it } from 'vitest';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { assetDetail } from '../library/asset-detail.js';
import { searchLibrary, suggestAssets, type LibrarySearch } from '../library/library-assets.js';
import { EarlierEventMemory } from '../projection/earlier-events.js';
import { projectEvents } from '../projection/project-events.js';
import { projectionContextOf } from '../projection/projection-context.js';
import { migrate } from '../schema/migrations.js';
import { capacityPlan } from '../staffing/capacity-plan.js';
import { openSupportRequests } from '../staffing/open-requests.js';
import {
  readStaffingFacts,
  readStaffingWork,
  staffingWeeks,
  suggestConsultants,
  suggestFromFacts,
  traceSuggestion,
} from '../staffing/staffing-suggestions.js';
import { recordedHistory, type HistoryEntry } from './fixtures.js';

/** A Wednesday: this week's Monday is 2026-12-07. */
const NOW = new Date('2026-12-09T10:00:00Z');
const STALENESS = { now: NOW, staleAfterMonths: 12 };

const onboard = (id: string, teamId: string, lines: string[], skills: string[]): HistoryEntry => [
  `consultant-${id}`,
  'ConsultantOnboarded',
  '2025-01-06T00:00:00Z',
  {
    consultantId: id,
    name: `Person ${id}`,
    teamId,
    level: 'senior',
    productLines: lines,
    skills,
    weeklyCapacityHours: 40,
    hourlyCost: { amount: '100', currency: 'CNY' },
  },
];
const assign = (
  consultant: string,
  id: string,
  opportunityId: string,
  pct: number,
  from: string,
  to: string,
  at = '2026-11-01T00:00:00Z',
): HistoryEntry => [
  `consultant-${consultant}`,
  'ConsultantAssigned',
  at,
  { assignmentId: id, opportunityId, role: 'support', allocationPct: pct, from, to },
];
const register = (id: string, lines: string[]): HistoryEntry => [
  `opportunity-${id}`,
  'OpportunityRegistered',
  '2026-01-05T00:00:00Z',
  {
    opportunityId: id,
    name: id,
    customer: 'Huaxin Group',
    industry: 'retail',
    region: 'East China',
    productLines: lines,
    projectType: 'product',
    estimatedValue: { amount: '1000000', currency: 'CNY' },
    salesOwnerId: 'S-1',
  },
];

const HISTORY: HistoryEntry[] = [
  [
    'team-T-1',
    'TeamFormed',
    '2025-01-01T00:00:00Z',
    { teamId: 'T-1', name: 'ERP team', managerId: 'M-1', productLines: ['erp', 'crm'] },
  ],
  [
    'team-T-2',
    'TeamFormed',
    '2025-01-01T00:00:00Z',
    { teamId: 'T-2', name: 'CRM team', managerId: 'M-2', productLines: ['crm'] },
  ],
  onboard('C-a', 'T-1', ['erp'], ['Demo craft']),
  onboard('C-b', 'T-1', ['erp', 'crm'], ['SAP FI']),
  onboard('C-c', 'T-2', ['crm'], ['Demo craft']),
  onboard('C-d', 'T-1', ['erp'], ['Demo craft']),
  ['consultant-C-d', 'ConsultantOffboarded', '2026-06-01T00:00:00Z', { reason: 'left' }],
  // C-e: onboarded into T-1 with no product line or skill, then moved to T-2.
  onboard('C-e', 'T-1', [], []),
  ['team-T-2', 'TeamMemberAdded', '2025-06-01T00:00:00Z', { consultantId: 'C-e' }],
  ['consultant-C-a', 'SkillCertified', '2026-03-01T00:00:00Z', { skill: 'Demo craft', level: 4 }],
  register('O-1', ['erp']),
  register('O-won', ['erp']),
  register('O-lost', ['erp']),
  [
    'opportunity-O-1',
    'PresalesSupportRequested',
    '2026-12-08T00:00:00Z',
    { requestId: 'R-1', requestedBy: 'S-1', kind: 'demo', productLine: 'erp', dueAt: '2026-12-20T00:00:00Z' },
  ],
  // C-a: 60 % through December; a 30 % assignment released before the first Monday counts nowhere.
  assign('C-a', 'AS-a1', 'O-x', 60, '2026-12-01', '2026-12-31'),
  assign('C-a', 'AS-a2', 'O-x', 30, '2026-11-01', '2026-12-31'),
  ['consultant-C-a', 'ConsultantReleased', '2026-12-03T00:00:00Z', { assignmentId: 'AS-a2' }],
  // C-b: won O-won before, lost nothing.
  assign('C-b', 'AS-b1', 'O-won', 50, '2026-05-01', '2026-06-30', '2026-05-01T00:00:00Z'),
  ['opportunity-O-won', 'OpportunityWon', '2026-07-01T00:00:00Z', { amount: { amount: '900000', currency: 'CNY' } }],
  ['opportunity-O-lost', 'OpportunityLost', '2026-07-02T00:00:00Z', { reason: 'price', productGapIds: [] }],
  // O-gone (scm, lost in March): C-b was assigned and released, C-c is still assigned.
  register('O-gone', ['scm']),
  [
    'opportunity-O-gone',
    'PresalesSupportRequested',
    '2026-02-01T00:00:00Z',
    { requestId: 'R-g', requestedBy: 'S-1', kind: 'demo', productLine: 'scm', dueAt: '2026-03-01T00:00:00Z' },
  ],
  assign('C-b', 'AS-b3', 'O-gone', 10, '2026-02-02', '2026-02-27', '2026-02-01T00:00:00Z'),
  ['consultant-C-b', 'ConsultantReleased', '2026-02-10T00:00:00Z', { assignmentId: 'AS-b3' }],
  assign('C-c', 'AS-c2', 'O-gone', 10, '2026-02-02', '2026-02-27', '2026-02-01T00:00:00Z'),
  ['opportunity-O-gone', 'OpportunityLost', '2026-03-02T00:00:00Z', { reason: 'price', productGapIds: [] }],
  // C-c: 30 % through December and commander of an 80 % war room: overloaded.
  assign('C-c', 'AS-c1', 'O-y', 30, '2026-12-01', '2026-12-31'),
  [
    'warroom-W-1',
    'WarRoomOpened',
    '2026-12-01T00:00:00Z',
    { warRoomId: 'W-1', opportunityId: 'O-1', commanderId: 'C-c', memberIds: [], allocationPct: 80, reason: 'Big bid' },
  ],
  [
    'activity-A-1',
    'ActivityScheduled',
    '2026-12-02T00:00:00Z',
    {
      activityId: 'A-1',
      opportunityId: 'O-1',
      kind: 'demo',
      consultantIds: ['C-a'],
      scheduledFor: '2026-12-15T02:00:00Z',
      plannedHours: 8,
    },
  ],
  [
    'activity-A-2',
    'ActivityScheduled',
    '2026-06-02T00:00:00Z',
    {
      activityId: 'A-2',
      opportunityId: 'O-won',
      kind: 'demo',
      consultantIds: ['C-b'],
      scheduledFor: '2026-06-10T02:00:00Z',
      plannedHours: 8,
    },
  ],
  [
    'activity-A-2',
    'ActivityCompleted',
    '2026-06-10T08:00:00Z',
    { actualHours: 8, outcome: 'positive', usedAssetIds: ['K-1'] },
  ],
  // The library.
  [
    'asset-K-1',
    'KnowledgeAssetPublished',
    '2025-01-10T00:00:00Z',
    {
      assetId: 'K-1',
      kind: 'solution_template',
      title: '云计算迁移解决方案',
      productLines: ['cloud', 'erp'],
      ownerId: 'C-a',
    },
  ],
  [
    'asset-K-1',
    'KnowledgeAssetRevised',
    '2026-11-01T00:00:00Z',
    { version: 2, summary: 'Moving an ERP to the cloud, 迁移步骤' },
  ],
  [
    'asset-K-2',
    'KnowledgeAssetPublished',
    '2025-03-01T00:00:00Z',
    {
      assetId: 'K-2',
      kind: 'case_study',
      title: "Manufacturing ERP case 制造业案例 'quoted'",
      productLines: ['erp'],
      ownerId: 'C-b',
    },
  ],
  [
    'asset-K-3',
    'KnowledgeAssetPublished',
    '2026-10-01T00:00:00Z',
    { assetId: 'K-3', kind: 'demo_script', title: 'CRM demo script', productLines: ['crm'], ownerId: 'C-c' },
  ],
  ['asset-K-3', 'KnowledgeAssetRetired', '2026-11-15T00:00:00Z', { reason: 'replaced' }],
  [
    'tender-TD-1',
    'TenderReceived',
    '2026-11-01T00:00:00Z',
    { tenderId: 'TD-1', opportunityId: 'O-1', kind: 'rfp', issuer: 'Huaxin', deadline: '2026-12-30T00:00:00Z' },
  ],
  [
    'tender-TD-1',
    'ResponseSectionDrafted',
    '2026-11-20T00:00:00Z',
    { sectionId: 'S-1', authorId: 'C-a', reusedAssetIds: ['K-1'] },
  ],
  [
    'tender-TD-2',
    'TenderReceived',
    '2026-04-01T00:00:00Z',
    { tenderId: 'TD-2', opportunityId: 'O-won', kind: 'rfp', issuer: 'Jinghai', deadline: '2026-05-30T00:00:00Z' },
  ],
  [
    'tender-TD-2',
    'ResponseSectionDrafted',
    '2026-04-20T00:00:00Z',
    { sectionId: 'S-2', authorId: 'C-b', reusedAssetIds: ['K-1', 'K-2'] },
  ],
];

const search = (over: Partial<LibrarySearch> = {}): LibrarySearch => ({
  text: '',
  status: 'active',
  freshness: 'any',
  offset: 0,
  limit: 20,
  ...over,
});

/** Staffing and the library over the analytics tables, on this engine (DESIGN.md decision 8). */
export function describeStaffingLibraryContract(openStore: () => Promise<AnalyticsStore>): void {
  describe('staffing and the knowledge library', () => {
    let store: AnalyticsStore;
    beforeAll(async () => {
      store = await openStore();
      await migrate(store);
      const history = recordedHistory(1n, HISTORY, '2026-12-08T12:00:00Z');
      for (const [table, rows] of projectEvents(history, projectionContextOf(history, new EarlierEventMemory())))
        if (rows.length > 0) await store.insert(table, rows);
    });

    it('ranks consultants for a demo request: skills, free weeks and record decide, overload and a missing line rank last', async () => {
      const work = await readStaffingWork(store, { kind: 'request', opportunityId: 'O-1', requestId: 'R-1' }, NOW);
      expect(work).toMatchObject({ workKind: 'demo', productLine: 'erp', neededPct: 20, weekCount: 2, alreadyOn: [] });
      const answer = await suggestConsultants(store, work!, { now: NOW, limit: 10 });
      expect(answer.subject.weeks).toEqual(['2026-12-07', '2026-12-14']);
      expect(answer.subject.skills).toEqual(['Demo craft']);
      // C-e covers nothing and has no skill, but is free: after the fits, before the overloaded.
      expect(answer.consultants.map((c) => c.consultantId)).toEqual(['C-a', 'C-b', 'C-e', 'C-c']);
      const [a, b, , c] = answer.consultants;
      expect(a!.reasons).toContainEqual({ kind: 'skill', skill: 'Demo craft', level: 4 });
      expect(a!.reasons).toContainEqual({ kind: 'free_capacity', freePct: 40, neededPct: 20 });
      expect(b!.reasons).toContainEqual({ kind: 'past_outcomes', won: 1, lost: 0, positive: 1, negative: 0 });
      expect(c!.available).toBe(false);
      expect(c!.reasons).toContainEqual({ kind: 'overloaded_now', loadPct: 110 });
      expect(c!.reasons).toContainEqual({ kind: 'product_line', productLine: 'erp', covered: false });
    });

    it("answers everyone's ranking, from the product line's consultants alone when their first are out of others' reach", async () => {
      const work = (await readStaffingWork(store, { kind: 'request', opportunityId: 'O-1', requestId: 'R-1' }, NOW))!;
      const weeks = staffingWeeks(work, { now: NOW });
      const everyone = await readStaffingFacts(store, work, weeks);
      const statements: string[] = [];
      const counted: AnalyticsStore = Object.assign(Object.create(store) as AnalyticsStore, {
        query: <Row extends object>(sql: string) => {
          statements.push(sql);
          return store.query<Row>(sql);
        },
      });
      const asked = async (limit: number) => {
        statements.length = 0;
        const answer = await suggestConsultants(counted, work, { now: NOW, limit });
        expect(answer).toEqual(suggestFromFacts(work, { now: NOW, limit }, weeks, everyone));
        return statements.length;
      };
      // C-a and C-b cover erp, are free and score above what C-c (crm) could: the line settles two.
      const settled = await asked(2);
      // A third place could go to someone outside the line: everyone is read.
      expect(await asked(3)).toBeGreaterThan(settled);
      expect(await asked(10)).toBeGreaterThan(settled);
      // Read for the skills asked only (none, several, one nobody lists with a quote in its name),
      // the ranking is the one of every profile read whole.
      for (const skills of [[], ['Demo craft', 'Integration'], ["O'Brien's craft"]])
        for (const limit of [2, 10]) {
          const options = { now: NOW, limit, skills };
          expect(await suggestConsultants(store, work, options)).toEqual(
            suggestFromFacts(work, options, weeks, everyone),
          );
        }
      // A manager's teams: their members alone are read, and rank as they do among everyone.
      for (const teams of [['T-1'], ['T-2'], ['T-1', 'T-2'], []]) {
        const options = { now: NOW, limit: 10, teamIds: new Set(teams) };
        const traced = await traceSuggestion(store, work, options);
        expect(traced.read).toBe('their teams');
        expect(traced.answer).toEqual(suggestFromFacts(work, options, weeks, everyone));
      }
    });

    it('lists the support requests nobody acknowledged on open opportunities', async () => {
      expect(await openSupportRequests(store, 10)).toEqual([
        {
          opportunityId: 'O-1',
          opportunityName: 'O-1',
          requestId: 'R-1',
          kind: 'demo',
          productLine: 'erp',
          requestedAt: '2026-12-08T00:00:00.000Z',
          dueAt: '2026-12-20T00:00:00.000Z',
        },
      ]);
    });

    it('leaves out who is already on the work, and ranks only the teams asked for', async () => {
      const activity = await readStaffingWork(store, { kind: 'activity', activityId: 'A-1' }, NOW);
      expect(activity).toMatchObject({
        opportunityId: 'O-1',
        workKind: 'demo',
        productLine: 'erp',
        neededPct: 20,
        alreadyOn: ['C-a'],
      });
      const answer = await suggestConsultants(store, activity!, { now: NOW, limit: 10, teamIds: new Set(['T-1']) });
      expect(answer.subject.weeks).toEqual(['2026-12-14']);
      expect(answer.consultants.map((c) => c.consultantId)).toEqual(['C-b']);
      // A consultant moved to another team counts in the team they were moved to.
      const t2 = await suggestConsultants(store, activity!, { now: NOW, limit: 10, teamIds: new Set(['T-2']) });
      expect(t2.consultants.map((c) => [c.consultantId, c.teamId])).toEqual([
        ['C-e', 'T-2'],
        ['C-c', 'T-2'],
      ]);
      const room = await readStaffingWork(store, { kind: 'war_room', warRoomId: 'W-1' }, NOW);
      expect(room).toMatchObject({ neededPct: 80, alreadyOn: ['C-c'], weekCount: 4 });
      expect(await readStaffingWork(store, { kind: 'war_room', warRoomId: "W-'missing" }, NOW)).toBeNull();
      // A request's people: those still assigned to its opportunity, not those released from it.
      const request = await readStaffingWork(
        store,
        { kind: 'request', opportunityId: 'O-gone', requestId: 'R-g' },
        NOW,
      );
      expect(request).toMatchObject({ productLine: 'scm', alreadyOn: ['C-c'] });
      expect(
        await readStaffingWork(store, { kind: 'request', opportunityId: 'O-1', requestId: 'R-2' }, NOW),
      ).toBeNull();
    });

    it('plans eight weeks per team and product line: committed load against capacity, and the war rooms driving it', async () => {
      const plan = await capacityPlan(store, { now: NOW, weeks: 8 });
      expect(plan.weeks[0]).toBe('2026-12-07');
      expect(plan.weeks).toHaveLength(8);
      expect(plan.groups.map((g) => `${g.teamId}/${g.productLine}:${g.consultants}`)).toEqual([
        'T-2/crm:1',
        'T-1/crm:1',
        'T-1/erp:2',
      ]);
      const crm2 = plan.groups[0]!;
      expect(crm2.weeks[0]).toEqual({
        week: '2026-12-07',
        capacityHours: 40,
        committedHours: 44,
        overloadedConsultants: 1,
        warRoomIds: ['W-1'],
      });
      expect(crm2.weeks[4]).toEqual({
        week: '2027-01-04',
        capacityHours: 40,
        committedHours: 32,
        overloadedConsultants: 0,
        warRoomIds: ['W-1'],
      });
      const erp = plan.groups[2]!;
      expect(erp.weeks[0]).toMatchObject({
        capacityHours: 80,
        committedHours: 24,
        overloadedConsultants: 0,
        warRoomIds: [],
      });
      expect(erp.weeks[4]).toMatchObject({ committedHours: 0 });
      expect(plan.warRooms).toEqual([
        {
          warRoomId: 'W-1',
          opportunityId: 'O-1',
          reason: 'Big bid',
          allocationPct: 80,
          members: 1,
          committedHours: 256,
        },
      ]);
      const mine = await capacityPlan(store, { now: NOW, weeks: 8, teamIds: new Set(['T-1']), productLine: 'erp' });
      expect(mine.groups.map((g) => g.teamId + '/' + g.productLine)).toEqual(['T-1/erp']);
      expect(mine.warRooms).toEqual([]);
      // Asked for some teams or a line, the plan reads those consultants only and answers the
      // whole plan's groups for them; W-1's one member is in T-2, so T-2's plan has it whole.
      const asked: { teamIds?: ReadonlySet<string>; teamId?: string; productLine?: string }[] = [
        { teamIds: new Set(['T-1']) },
        { teamId: 'T-2' },
        { productLine: 'crm' },
        { teamIds: new Set(['T-1']), productLine: 'erp' },
        { teamIds: new Set(['T-1']), teamId: 'T-2' },
        { teamIds: new Set() },
      ];
      for (const options of asked) {
        const part = await capacityPlan(store, { now: NOW, weeks: 8, ...options });
        expect(part.groups).toEqual(
          plan.groups.filter(
            (g) =>
              (options.teamIds === undefined || options.teamIds.has(g.teamId)) &&
              (options.teamId === undefined || g.teamId === options.teamId) &&
              (options.productLine === undefined || g.productLine === options.productLine),
          ),
        );
      }
      expect((await capacityPlan(store, { now: NOW, weeks: 8, teamId: 'T-2' })).warRooms).toEqual(plan.warRooms);
    });

    it('finds assets by Chinese and English words in titles and summaries, the title matches first', async () => {
      const chinese = await searchLibrary(store, search({ text: '云计算' }), STALENESS);
      expect([chinese.words, chinese.assets.map((a) => a.assetId)]).toEqual([['云', '计算'], ['K-1']]);
      expect(
        (await searchLibrary(store, search({ text: '迁移步骤' }), STALENESS)).assets.map((a) => a.assetId),
      ).toEqual(['K-1']);
      const erp = await searchLibrary(store, search({ text: 'ERP' }), STALENESS);
      expect([erp.total, erp.assets.map((a) => a.assetId)]).toEqual([2, ['K-2', 'K-1']]);
      expect(
        (await searchLibrary(store, search({ text: 'erp 案例' }), STALENESS)).assets.map((a) => a.assetId),
      ).toEqual(['K-2']);
      expect((await searchLibrary(store, search({ text: "' OR 1=1 --" }), STALENESS)).total).toBe(0);
      expect(
        (await searchLibrary(store, search({ text: "'quoted'" }), STALENESS)).assets.map((a) => a.assetId),
      ).toEqual(['K-2']);
    });

    it('filters by product line, kind, owner, status and freshness, flags the stale, counts reuses and pages', async () => {
      const ids = async (over: Partial<LibrarySearch>) =>
        (await searchLibrary(store, search(over), STALENESS)).assets.map((a) => a.assetId);
      expect(await ids({ productLine: 'crm' })).toEqual([]);
      expect(await ids({ productLine: 'crm', status: 'any' })).toEqual(['K-3']);
      expect(await ids({ status: 'retired' })).toEqual(['K-3']);
      expect(await ids({ kind: 'case_study' })).toEqual(['K-2']);
      expect(await ids({ ownerId: 'C-a' })).toEqual(['K-1']);
      expect(await ids({ freshness: 'stale' })).toEqual(['K-2']);
      expect(await ids({ freshness: 'fresh' })).toEqual(['K-1']);
      const all = await searchLibrary(store, search({ status: 'any' }), STALENESS);
      expect(all.total).toBe(3);
      const byId = new Map(all.assets.map((a) => [a.assetId, a]));
      expect(byId.get('K-1')).toMatchObject({
        version: '2',
        summary: 'Moving an ERP to the cloud, 迁移步骤',
        stale: false,
        reuses: 3,
        retired: false,
        revisedAt: '2026-11-01T00:00:00.000Z',
      });
      expect(byId.get('K-2')).toMatchObject({
        version: null,
        summary: null,
        stale: true,
        reuses: 1,
        revisedAt: '2025-03-01T00:00:00.000Z',
      });
      expect(byId.get('K-3')).toMatchObject({ retired: true, reuses: 0 });
      const page = await searchLibrary(store, search({ status: 'any', offset: 1, limit: 1 }), STALENESS);
      expect([page.total, page.assets.length, page.assets[0]!.assetId]).toEqual([3, 1, all.assets[1]!.assetId]);
    });

    it('shows an asset with its versions, reuses in sections and activities, and the deals they served', async () => {
      const detail = await assetDetail(store, 'K-1', STALENESS);
      expect(detail!.versions).toEqual([
        {
          version: '2',
          summary: 'Moving an ERP to the cloud, 迁移步骤',
          revisedAt: '2026-11-01T00:00:00.000Z',
          revisedBy: 'u-1',
        },
      ]);
      expect(detail!.reuses).toEqual([
        {
          kind: 'section',
          tenderId: 'TD-1',
          sectionId: 'S-1',
          opportunityId: 'O-1',
          at: '2026-11-20T00:00:00.000Z',
          outcome: 'open',
        },
        { kind: 'activity', activityId: 'A-2', opportunityId: 'O-won', at: '2026-06-10T08:00:00.000Z', outcome: 'won' },
        {
          kind: 'section',
          tenderId: 'TD-2',
          sectionId: 'S-2',
          opportunityId: 'O-won',
          at: '2026-04-20T00:00:00.000Z',
          outcome: 'won',
        },
      ]);
      expect(detail!.figures).toEqual({ sections: 2, activities: 1, won: 1, lost: 0, winRate: 1 });
      expect((await assetDetail(store, 'K-3', STALENESS))!.retiredReason).toBe('replaced');
      expect(await assetDetail(store, 'K-none', STALENESS)).toBeNull();
    });

    it('suggests active assets of the product line, those sharing words with the title first', async () => {
      const suggested = await suggestAssets(store, 'erp', '云迁移方案', 5, STALENESS);
      expect(suggested.assets.map((a) => a.assetId)).toEqual(['K-1', 'K-2']);
      expect(
        (await suggestAssets(store, 'erp', 'Manufacturing case', 5, STALENESS)).assets.map((a) => a.assetId),
      ).toEqual(['K-2', 'K-1']);
      expect((await suggestAssets(store, 'crm', 'demo', 5, STALENESS)).assets).toEqual([]);
    });
  });
}
