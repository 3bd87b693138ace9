import { clickHouseSkipReason, startClickHouseServer, type RunningClickHouse } from '@presales/clickhouse-harness';
import type { MyWorkResponse, PickerResponse, TenderBoardResponse, TimeSheetResponse } from '@presales/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  bearerFor,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
  type PlatformProcess,
} from './platform-process.js';
import { ANA } from './workspace-records.js';

const HOUR = 3_600_000;
/** A past week, so that the time sheet's answer does not depend on today. */
const TIME_MONDAY = '2026-03-02';

/** The same history on a platform: a deal with a support request, a tender with sections, a quote to approve, an activity. */
async function seed(url: string): Promise<void> {
  const manager = await bearerFor(url, 'manager', 'mia');
  const sales = await bearerFor(url, 'sales', 'bo');
  await bearerFor(url, 'presales', 'ana');
  const post = async (path: string, body: unknown, headers: Record<string, string>) => {
    const response = await apiFetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  const now = Date.now();
  for (const [id, name] of [
    ['opp-1', 'Harbour ERP'],
    ['opp-2', 'Lantern CRM'],
  ] as const) {
    await post(
      'api/opportunities',
      {
        opportunityId: id,
        name,
        customer: `${name} Ltd`,
        industry: 'retail',
        region: 'east',
        productLines: ['erp', 'crm'],
        projectType: 'product',
        estimatedValue: { amount: '100000', currency: 'CNY' },
        salesOwnerId: 'bo',
      },
      sales,
    );
  }
  await post(
    'api/opportunities/opp-1/support-requests',
    {
      requestId: 'sr-late',
      requestedBy: 'bo',
      kind: 'demo',
      productLine: 'erp',
      dueAt: new Date(now - HOUR).toISOString(),
    },
    sales,
  );
  await post(
    'api/opportunities/opp-1/support-requests',
    {
      requestId: 'sr-soon',
      requestedBy: 'bo',
      kind: 'rfp',
      productLine: 'crm',
      dueAt: new Date(now + 5 * HOUR).toISOString(),
    },
    sales,
  );
  await post(
    'api/opportunities/opp-1/support-acknowledgements',
    { requestId: 'sr-soon', consultantId: 'ana' },
    await bearerFor(url, 'presales', 'ana'),
  );
  await post(
    'api/opportunities/opp-1/support-requests',
    {
      requestId: 'sr-open',
      requestedBy: 'bo',
      kind: 'poc',
      productLine: 'erp',
      dueAt: new Date(now + 48 * HOUR).toISOString(),
    },
    sales,
  );
  await post(
    'api/tenders',
    {
      tenderId: 'T-1',
      opportunityId: 'opp-1',
      kind: 'rfp',
      issuer: 'Port Authority',
      deadline: new Date(now + 10 * 24 * HOUR).toISOString(),
    },
    manager,
  );
  await post('api/tenders/T-1/bid-decisions', { decision: 'bid', rationale: 'fits', score: 70 }, manager);
  await post(
    'api/tenders/T-1/section-assignments',
    { sectionId: 's-1', title: 'Architecture', assigneeId: 'ana', dueAt: new Date(now + 30 * HOUR).toISOString() },
    manager,
  );
  await post(
    'api/tenders/T-1/section-assignments',
    { sectionId: 's-2', title: 'Security', assigneeId: 'ana', dueAt: new Date(now + 24 * HOUR).toISOString() },
    manager,
  );
  await post('api/tenders/T-1/section-drafts', { sectionId: 's-2', authorId: 'ana', reusedAssetIds: [] }, manager);
  await post(
    'api/activities',
    {
      activityId: 'act-1',
      opportunityId: 'opp-2',
      kind: 'workshop',
      consultantIds: ['ana'],
      scheduledFor: new Date(now + 3 * 24 * HOUR).toISOString(),
      plannedHours: 3,
    },
    manager,
  );
  await post(
    'api/quotes',
    {
      quoteId: 'q-1',
      opportunityId: 'opp-1',
      currency: 'CNY',
      lines: [
        {
          lineId: 'l1',
          productLine: 'erp',
          sku: 'ERP',
          description: 'Licences',
          quantity: '2',
          unitPrice: '1000',
          unitCost: '600',
          discountPct: '0',
        },
      ],
    },
    manager,
  );
  await post('api/quotes/q-1/approval-requests', { revision: 0 }, manager);
  // The tender board and the time sheet: a second tender only received, a war room on T-1, Ana's time.
  await post(
    'api/tenders',
    {
      tenderId: 'T-2',
      opportunityId: 'opp-2',
      kind: 'rfq',
      issuer: 'Lantern Group',
      deadline: new Date(now + 5 * 24 * HOUR).toISOString(),
    },
    manager,
  );
  await post('api/consultants', ANA, manager);
  await post(
    'api/war-rooms',
    {
      warRoomId: 'wr-1',
      opportunityId: 'opp-1',
      tenderId: 'T-1',
      commanderId: 'mia',
      memberIds: ['ana'],
      allocationPct: 50,
      reason: 'strategic bid',
    },
    manager,
  );
  for (const [entryId, date, hours, category, opportunityId] of [
    ['te-1', TIME_MONDAY, 2, 'customer_facing', 'opp-1'],
    ['te-2', '2026-03-04', 1.5, 'customer_facing', 'opp-1'],
    ['te-3', '2026-03-04', 3, 'bid_writing', 'opp-1'],
    ['te-4', '2026-03-06', 1, 'internal', undefined],
  ] as const)
    await post(
      'api/consultants/ana/time-entries',
      { entryId, date, hours, category, ...(opportunityId === undefined ? {} : { opportunityId }) },
      manager,
    );
  await untilCaughtUp(url, 30_000);
}

async function reads(url: string) {
  const ana = await bearerFor(url, 'presales', 'ana');
  const get = async <T>(path: string, headers = ana) => {
    const response = await apiFetch(`${url}${path}`, { headers });
    return { status: response.status, body: (await response.json()) as T };
  };
  return {
    anaWork: (await get<MyWorkResponse>('api/workspace/my-work')).body,
    miaWork: (await get<MyWorkResponse>('api/workspace/my-work', await bearerFor(url, 'manager', 'mia'))).body,
    search: (await get<PickerResponse>('api/workspace/pickers/opportunities?q=lantern')).body,
    page1: (await get<PickerResponse>('api/workspace/pickers/support-requests?opportunityId=opp-1&limit=2')).body,
    page2: (await get<PickerResponse>('api/workspace/pickers/support-requests?opportunityId=opp-1&limit=2&offset=2'))
      .body,
    quoteSearch: (await get<PickerResponse>('api/workspace/pickers/opportunities?q=%27%20OR%201%3D1%20--')).body,
    badKind: await get<{ error: { code: string; message: string } }>('api/workspace/pickers/secrets'),
    board: (await get<TenderBoardResponse>('api/workspace/tender-board')).body,
    sheet: (await get<TimeSheetResponse>('api/workspace/time-sheet?week=2026-03-05')).body,
    sheetOfAna: await get<TimeSheetResponse>(
      'api/workspace/time-sheet?week=2026-03-02&consultantId=ana',
      await bearerFor(url, 'manager', 'mia'),
    ),
    sheetForbidden: await get<{ error: { message: string } }>(
      'api/workspace/time-sheet?consultantId=ana',
      await bearerFor(url, 'sales', 'bo'),
    ),
    sheetBadWeek: await get<{ error: { issues: { path: string }[] } }>('api/workspace/time-sheet?week=2026-13-01'),
    badLimit: await get<{ error: { code: string; issues: { path: string }[] } }>(
      'api/workspace/pickers/tenders?limit=500&offset=-1',
    ),
  };
}

describe('the workspace reads (pickers and My work), on chDB and on ClickHouse 18.16', () => {
  const results: Awaited<ReturnType<typeof reads>>[] = [];
  const cleanups: (() => Promise<unknown>)[] = [];
  const skipServer = clickHouseSkipReason('the workspace reads on a ClickHouse server');

  beforeAll(async () => {
    const embedded = tempDataDir();
    const platform: PlatformProcess = await startPlatform(embedded.dir);
    cleanups.push(async () => {
      await platform.stop();
      embedded.remove();
    });
    await seed(platform.url);
    results.push(await reads(platform.url));
    if (skipServer === undefined) {
      const clickhouse: RunningClickHouse = await startClickHouseServer();
      const server = tempDataDir();
      const onServer = await startPlatform(server.dir, { CLICKHOUSE_URL: `${clickhouse.url}/presales` });
      cleanups.push(async () => {
        await onServer.stop();
        await clickhouse.stop();
        server.remove();
      });
      await seed(onServer.url);
      results.push(await reads(onServer.url));
    }
  }, 240_000);
  afterAll(async () => {
    for (const cleanup of cleanups) await cleanup();
  });

  it('lists what waits for the person, overdue first, then by due time, each with the command that settles it', () => {
    const work = results[0]!.anaWork;
    expect(work.personId).toBe('ana');
    expect(work.items.map((item) => [item.kind, item.itemId, item.overdue])).toEqual([
      ['support_request', 'sr-late', true],
      ['section_due', 's-1', false],
      ['support_request', 'sr-open', false],
      ['activity_scheduled', 'act-1', false],
      ['review_due', 'T-1', false],
    ]);
    expect(work.items[0]).toMatchObject({
      command: 'AcknowledgePresalesSupport',
      prefill: { opportunityId: 'opp-1', requestId: 'sr-late' },
      opportunityId: 'opp-1',
      detail: 'demo',
    });
    expect(work.items[1]).toMatchObject({
      command: 'DraftResponseSection',
      prefill: { tenderId: 'T-1', sectionId: 's-1' },
      detail: 'Architecture',
    });
    expect(work.items[4]).toMatchObject({ command: 'HoldReview', prefill: { tenderId: 'T-1' } });
    expect(work.counts).toEqual({
      support_request: 2,
      section_due: 1,
      clarification_due: 0,
      review_due: 1,
      quote_approval: 0,
      activity_scheduled: 1,
    });
    expect(
      results[0]!.miaWork.items
        .filter((item) => item.kind === 'quote_approval')
        .map((item) => [item.streamId, item.itemId, item.command]),
    ).toEqual([['quote-q-1', '0', 'ApproveQuote']]);
  });

  it('finds records by id or name, by opportunity, a page at a time', () => {
    const { search, page1, page2, quoteSearch } = results[0]!;
    expect(search.options).toEqual([
      { id: 'opp-2', label: 'Lantern CRM · Lantern CRM Ltd', opportunityId: 'opp-2', productLine: 'erp' },
    ]);
    expect(page1.options.map((option) => option.id)).toEqual(['sr-open', 'sr-soon']);
    expect(page1.more).toBe(true);
    expect(page2).toMatchObject({
      more: false,
      options: [{ id: 'sr-late', productLine: 'erp', opportunityId: 'opp-1' }],
    });
    // A search is a value, never SQL.
    expect(quoteSearch.options).toEqual([]);
  });

  it('puts each tender on the board in the stage it reached, with its war room, its members and their load', () => {
    const { board } = results[0]!;
    expect(board.tenders.map((tender) => [tender.tenderId, tender.stage, tender.sections, tender.reviews])).toEqual([
      ['T-2', 'received', { assigned: 0, drafted: 0 }, 0],
      ['T-1', 'drafting', { assigned: 2, drafted: 1 }, 0],
    ]);
    expect(board.tenders[0]!.warRoom).toBeNull();
    expect(board.tenders[1]!.warRoom).toEqual({
      warRoomId: 'wr-1',
      allocationPct: 50,
      members: [
        { consultantId: 'ana', name: 'Ana', commander: false, hoursLast7Days: 0, weeklyCapacityHours: 40 },
        { consultantId: 'mia', name: 'mia', commander: true, hoursLast7Days: 0, weeklyCapacityHours: null },
      ],
    });
    // Peacetime: every consultant by team, with the tenders still answered where they hold sections.
    expect(board.team).toEqual([
      {
        consultantId: 'ana',
        name: 'Ana',
        teamId: 'team-east',
        hoursLast7Days: 0,
        weeklyCapacityHours: 40,
        tenders: [{ tenderId: 'T-1', sections: 2 }],
      },
    ]);
  });

  it("answers a week's time sheet by opportunity and category; another person's only to a manager", () => {
    const { sheet, sheetOfAna, sheetForbidden, sheetBadWeek } = results[0]!;
    expect(sheet).toEqual({
      consultantId: 'ana',
      from: TIME_MONDAY,
      days: ['2026-03-02', '2026-03-03', '2026-03-04', '2026-03-05', '2026-03-06', '2026-03-07', '2026-03-08'],
      rows: [
        { opportunityId: null, category: 'internal', hours: [0, 0, 0, 0, 1, 0, 0] },
        { opportunityId: 'opp-1', category: 'bid_writing', hours: [0, 0, 3, 0, 0, 0, 0] },
        { opportunityId: 'opp-1', category: 'customer_facing', hours: [2, 0, 1.5, 0, 0, 0, 0] },
      ],
    });
    expect(sheetOfAna).toEqual({ status: 200, body: sheet });
    expect(sheetForbidden.status).toBe(403);
    expect(sheetForbidden.body.error.message).toContain('consultantId ana');
    expect(sheetBadWeek.status).toBe(400);
    expect(sheetBadWeek.body.error.issues.map((issue) => issue.path)).toEqual(['week']);
  });

  it('answers bad input with 400 naming the parameter', () => {
    const { badKind, badLimit } = results[0]!;
    expect(badKind.status).toBe(400);
    expect(badKind.body.error.message).toContain('kind');
    expect(badLimit.status).toBe(400);
    expect(badLimit.body.error.issues.map((issue) => issue.path).sort()).toEqual(['limit', 'offset']);
  });

  it.skipIf(skipServer !== undefined)('answers the same on ClickHouse 18.16 as on chDB', () => {
    const strip = (result: (typeof results)[number]) => ({
      ...result,
      anaWork: { ...result.anaWork, asOf: '' },
      miaWork: { ...result.miaWork, asOf: '' },
      // Deadlines are relative to each seeding; the stages, sections and war rooms are not.
      board: {
        ...result.board,
        asOf: '',
        tenders: result.board.tenders.map((tender) => ({ ...tender, deadline: '' })),
      },
    });
    const [embedded, server] = results.map(strip);
    // Due times are relative to each seeding: compare what they are and their order, not the instants.
    const shape = (work: MyWorkResponse) =>
      work.items.map((item) => [item.kind, item.itemId, item.overdue, item.command, item.prefill]);
    expect(shape(server!.anaWork)).toEqual(shape(embedded!.anaWork));
    expect(shape(server!.miaWork)).toEqual(shape(embedded!.miaWork));
    expect({ ...server, anaWork: null, miaWork: null }).toEqual({ ...embedded, anaWork: null, miaWork: null });
  });
});
