import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { isDeepStrictEqual } from 'node:util';
import {
  capacityPlan,
  migrate,
  openSupportRequests,
  projectEvents,
  readCertifiedLevels,
  readCommittedLoads,
  readConsultants,
  MIGRATIONS,
  readStaffingFacts,
  readStaffingWork,
  readWarRooms,
  searchLibrary,
  staffingWeeks,
  suggestAssets,
  suggestConsultants,
  suggestFromFacts,
  traceSuggestion,
  WEEK_MS,
  type AnalyticsStore,
  type ProjectionContext,
  type StaffingOptions,
  type StaffingWork,
} from '@presales/analytics';
import { assignmentLoadsBefore0048, pastOutcomesBefore0048 } from '@presales/analytics/before-0048';
import { ChdbAnalyticsStore } from '@presales/analytics-chdb';
import { generateDemo } from '@presales/demo';
import type { RecordedEvent } from '@presales/event-store';
import type { BenchContext, BenchSection, BenchSuite, Figure } from '../../suite.js';
import { backgroundMergesDone } from '../kpi/background-merges.js';
import { loadKpiData } from '../kpi/kpi-data.js';

const ASSETS = Number(process.env['BENCH_LIBRARY_ASSETS'] ?? '100000');
/** The issue's target is at 10M events (issue 24); a smaller history for a quick run: BENCH_STAFFING_EVENTS. */
const STAFFING_EVENTS = Number(process.env['BENCH_STAFFING_EVENTS'] ?? '10000000');
/**
 * A folder to keep the staffing history in between runs (BENCH_STAFFING_STORE): the first run
 * generates and projects it there and leaves it; later runs with the same event count read it as
 * it is, so a change to the reads is measured in minutes instead of the quarter hour 10M take to
 * prepare. Unset, the history is made in a temporary folder and removed.
 */
const STAFFING_STORE = process.env['BENCH_STAFFING_STORE'];
const SCALE_MARGIN = 1.02;
/**
 * What a kept history was prepared with besides its size: a folder prepared otherwise is refused,
 * not measured. The schema's last migration stands for the projection; a change to the generator
 * or to what the projector writes without a migration needs a new folder.
 */
const KEPT_HISTORY = { seed: 11, scaleMargin: SCALE_MARGIN, migration: MIGRATIONS[MIGRATIONS.length - 1]!.id };
/** Asset events copy nothing from earlier events of their stream (decision 0016). */
const NOTHING_EARLIER: ProjectionContext = { earlier: () => undefined };
const PAGE = 20_000;
const LINES = ['erp', 'crm', 'scm', 'hcm', 'bi', 'cloud'];
const KINDS = ['solution_template', 'case_study', 'answer', 'demo_script', 'pricing_model'];
const WORDS = [
  '云计算',
  '迁移',
  '解决方案',
  '制造业',
  '案例',
  '报价',
  '模型',
  '演示',
  '脚本',
  'migration',
  'manufacturing',
  'pricing',
  'integration',
  'security',
  'retail',
  'finance',
  '供应链',
  '人力资源',
  '数据',
  '分析',
];

async function timed(work: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

async function samples(runs: number, work: () => unknown): Promise<number[]> {
  await work(); // warm-up
  const out: number[] = [];
  for (let run = 0; run < runs; run += 1) out.push(await timed(work));
  return out;
}

/** Ways of computing the same answer, timed in turns so the machine's load falls on each alike. */
async function samplesInTurns(runs: number, ...ways: (() => unknown)[]): Promise<number[][]> {
  for (const way of ways) await way();
  const out = ways.map((): number[] => []);
  for (let run = 0; run < runs; run += 1) for (const [i, way] of ways.entries()) out[i]!.push(await timed(way));
  return out;
}

/**
 * A suggestion as computed before decision 0048: the same statements side by side, but the
 * assignments read from their whole history instead of the weeks' rows of the weekly load table,
 * and the activities' participants joined from their scheduling instead of copied.
 */
async function suggestBefore0048(store: AnalyticsStore, work: StaffingWork, now: Date) {
  const options = { now, limit: 10 };
  const weeks = staffingWeeks(work, options);
  const from = weeks.mondays[0]!;
  const to = weeks.mondays[weeks.mondays.length - 1]! + WEEK_MS;
  const [consultants, levels, assignmentLoads, warRooms, past] = await Promise.all([
    readConsultants(store),
    readCertifiedLevels(store),
    assignmentLoadsBefore0048(store, weeks.mondays),
    readWarRooms(store, from, to),
    pastOutcomesBefore0048(store, work.productLine, work.workKind),
  ]);
  return suggestFromFacts(work, options, weeks, { consultants, levels, assignmentLoads, warRooms, past });
}

/** The team of `productLine` with the most consultants of it (the first by id among equals). */
async function largestTeamOf(store: AnalyticsStore, productLine: string): Promise<string> {
  const sizes = new Map<string, number>();
  for (const c of await readConsultants(store, { productLine, side: 'inside' }))
    sizes.set(c.teamId, (sizes.get(c.teamId) ?? 0) + 1);
  const [largest] = [...sizes].sort(([a, m], [b, n]) => n - m || (a < b ? -1 : 1));
  if (largest === undefined) throw new Error(`staffing: no consultant covers ${productLine}`);
  return largest[0];
}

type OpenSupportRequest = Awaited<ReturnType<typeof openSupportRequests>>[number];

/** The work of a waiting support request, as the suggestions route reads it. */
async function requestWork(store: AnalyticsStore, request: OpenSupportRequest, now: Date): Promise<StaffingWork> {
  const work = await readStaffingWork(
    store,
    { kind: 'request', opportunityId: request.opportunityId, requestId: request.requestId },
    now,
  );
  if (work === null) throw new Error(`staffing: ${request.opportunityId}/${request.requestId} is listed but not read`);
  return work;
}

/** Every consultant's whole profile read and ranked (decision 0052's items 1 and 7 undone): the answer the suggestion must equal. */
async function suggestFromEveryone(store: AnalyticsStore, work: StaffingWork, options: StaffingOptions) {
  const weeks = staffingWeeks(work, options);
  return suggestFromFacts(work, options, weeks, await readStaffingFacts(store, work, weeks));
}

/**
 * What the suggestions for the waiting support requests (up to 20) read: "the line: n, everyone: m,
 * their teams: k of 20", for everyone and for one manager's team; each answer checked against
 * everyone's ranking first, so decision 0052's reads are proven exact on this history too.
 */
async function readsOfSuggestions(store: AnalyticsStore, now: Date, teamIds?: ReadonlySet<string>): Promise<string> {
  const requests = await openSupportRequests(store, 20);
  const reads = new Map<string, number>();
  for (const request of requests) {
    const work = await requestWork(store, request, now);
    const options: StaffingOptions = { now, limit: 10, ...(teamIds === undefined ? {} : { teamIds }) };
    const traced = await traceSuggestion(store, work, options);
    if (!isDeepStrictEqual(traced.answer, await suggestFromEveryone(store, work, options)))
      throw new Error(`staffing: ${request.requestId} is ranked otherwise from the line first than from everyone`);
    reads.set(traced.read, (reads.get(traced.read) ?? 0) + 1);
  }
  return `${[...reads].map(([read, n]) => `${read}: ${n}`).join(', ')} of ${requests.length} waiting support requests`;
}

/** A deterministic pick: the same library on every run. */
const pick = <T>(list: readonly T[], n: number): T => list[n % list.length]!;

function assetEvents(first: number, count: number, now: number): RecordedEvent[] {
  const events: RecordedEvent[] = [];
  let position = BigInt(first * 2 + 1);
  for (let i = first; i < first + count; i += 1) {
    const id = `ka-${i.toString().padStart(6, '0')}`;
    const published = now - ((i * 7919) % 1000) * 86_400_000;
    const metadata = (at: number) => ({
      occurredAt: new Date(at).toISOString(),
      recordedAt: new Date(at).toISOString(),
      actor: { id: 'bench', role: 'presales' as const },
      schemaVersion: 1,
      prevHash: '0'.repeat(64),
      hash: 'b'.repeat(64),
    });
    const title = `${pick(WORDS, i)}${pick(WORDS, i * 3 + 1)} ${pick(WORDS, i * 7 + 2)} ${i}`;
    events.push({
      id: `evt-${id}-0`,
      type: 'KnowledgeAssetPublished',
      streamId: `asset-${id}`,
      revision: 0n,
      position: position++,
      data: {
        assetId: id,
        kind: pick(KINDS, i),
        title,
        productLines: [pick(LINES, i), pick(LINES, i * 5)],
        ownerId: `con-${i % 500}`,
      },
      metadata: metadata(published),
    });
    if (i % 2 === 0) {
      const summary = `${pick(WORDS, i * 11 + 3)} ${pick(WORDS, i * 13 + 4)} ${pick(WORDS, i * 17 + 5)} version notes`;
      events.push({
        id: `evt-${id}-1`,
        type: 'KnowledgeAssetRevised',
        streamId: `asset-${id}`,
        revision: 1n,
        position: position++,
        data: { version: 2, summary },
        metadata: metadata(published + 30 * 86_400_000),
      });
    }
  }
  return events;
}

async function libraryFigures(context: BenchContext): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'presales-bench-library-'));
  let store: AnalyticsStore | undefined;
  try {
    store = await ChdbAnalyticsStore.open({ path: join(dir, 'clickhouse') });
    await migrate(store);
    const now = Date.now();
    for (let first = 0; first < ASSETS; first += PAGE) {
      for (const [table, rows] of projectEvents(
        assetEvents(first, Math.min(PAGE, ASSETS - first), now),
        NOTHING_EARLIER,
      ))
        if (rows.length > 0) await store.insert(table, rows);
    }
    await backgroundMergesDone(store);
    context.log(`library: ${ASSETS.toLocaleString('en-US')} assets projected`);
    const staleness = { now: new Date(now), staleAfterMonths: 12 };
    const s = store;
    const search =
      (text: string, extra: object = {}) =>
      () =>
        searchLibrary(s, { text, status: 'active', freshness: 'any', offset: 0, limit: 20, ...extra }, staleness);
    const size = `${ASSETS.toLocaleString('en-US')} assets`;
    return [
      {
        id: 'search-zh',
        label: `library search, two Chinese words (云计算 迁移), first page of 20 with total, ${size}`,
        unit: 'ms',
        samples: await samples(context.runs, search('云计算 迁移')),
        target: 100,
        lowerIsBetter: true,
      },
      {
        id: 'search-en',
        label: `library search, one English word (migration), ${size}`,
        unit: 'ms',
        samples: await samples(context.runs, search('migration')),
        target: 100,
        lowerIsBetter: true,
      },
      {
        id: 'search-filtered',
        label: `library search, a word with product line, kind and freshness filters, ${size}`,
        unit: 'ms',
        samples: await samples(
          context.runs,
          search('案例', { productLine: 'erp', kind: 'case_study', freshness: 'stale' }),
        ),
        target: 100,
        lowerIsBetter: true,
      },
      {
        id: 'search-browse',
        label: `library browse, no words, newest first, ${size}`,
        unit: 'ms',
        samples: await samples(context.runs, search('')),
        target: 100,
        lowerIsBetter: true,
      },
      {
        id: 'suggest',
        label: `asset suggestions for a product line and a section title, ${size}`,
        unit: 'ms',
        samples: await samples(context.runs, () => suggestAssets(s, 'erp', '制造业 迁移 solution', 5, staleness)),
        lowerIsBetter: true,
      },
    ];
  } finally {
    await store?.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function staffingFigures(context: BenchContext): Promise<Figure[]> {
  const dir = STAFFING_STORE ?? mkdtempSync(join(tmpdir(), 'presales-bench-staffing-'));
  if (STAFFING_STORE !== undefined && !existsSync(join(dir, 'prepared.json')) && existsSync(join(dir, 'clickhouse')))
    throw new Error(`staffing: ${dir} holds a history whose preparation did not finish; remove it`);
  let store: ChdbAnalyticsStore | undefined;
  try {
    store = await ChdbAnalyticsStore.open({ path: join(dir, 'clickhouse') });
    const events = await keptOrLoaded(context, store, dir);
    // "Now" inside the history: its last support request, so loads and open requests are as they were then.
    const [latest] = await store.query<{ at: number }>(
      'SELECT max(occurred_at_ms) AS at FROM presales_support_requested FINAL',
    );
    const now = new Date(Number(latest!.at));
    // A demo request: demos are the activities completed most (twice any other kind), so its
    // record on similar work is the largest a suggestion reads.
    const request = (await openSupportRequests(store, 500)).find((waiting) => waiting.kind === 'demo');
    if (request === undefined) throw new Error('staffing: the generated history has no waiting demo request');
    const s = store;
    const size = `${(events / 1e6).toFixed(2)}M events`;
    const work = await requestWork(s, request, now);
    // A manager's suggestion ranks their own teams only (the route's teamIds): here the team of
    // the request's product line with the most consultants.
    const team = await largestTeamOf(s, request.productLine);
    const options: StaffingOptions = { now, limit: 10 };
    const managerOptions: StaffingOptions = { ...options, teamIds: new Set([team]) };
    const suggest = async () => suggestConsultants(s, await requestWork(s, request, now), options);
    const suggestForManager = async () => suggestConsultants(s, await requestWork(s, request, now), managerOptions);
    const everyone = async () => suggestFromEveryone(s, await requestWork(s, request, now), options);
    const suggestAsBefore = async () => suggestBefore0048(s, await requestWork(s, request, now), now);
    // The figures compare like with like only if all give the same answer.
    const answer = await suggest();
    if (!isDeepStrictEqual(answer, await suggestAsBefore()))
      throw new Error('staffing: the weekly load table ranks otherwise than the whole history of assignments');
    if (!isDeepStrictEqual(answer, await everyone()))
      throw new Error("staffing: the product line's consultants first rank otherwise than everyone");
    context.log(`staffing: suggestions read ${await readsOfSuggestions(s, now)}`);
    context.log(`staffing: a manager of ${team}'s read ${await readsOfSuggestions(s, now, managerOptions.teamIds)}`);
    const weeks = staffingWeeks(work, { now });
    const from = weeks.mondays[0]!;
    const to = weeks.mondays[weeks.mondays.length - 1]! + WEEK_MS;
    context.log(
      `staffing: ${events.toLocaleString('en-US')} events; ranking for ${request.opportunityId}/${request.requestId}`,
    );
    const [after, fromEveryone, before, forManager] = await samplesInTurns(
      context.runs,
      suggest,
      everyone,
      suggestAsBefore,
      suggestForManager,
    );
    const [loadsAfter, loadsBefore] = await samplesInTurns(
      context.runs,
      () => readCommittedLoads(s, from, to),
      () => assignmentLoadsBefore0048(s, weeks.mondays),
    );
    return [
      {
        id: 'staffing',
        label: `staffing suggestions for a support request (read the work, rank the product line's consultants first, with loads, skills and record), ${size}`,
        unit: 'ms',
        samples: after!,
        target: 200,
        lowerIsBetter: true,
      },
      {
        id: 'staffing-everyone',
        label: `the same suggestions with every consultant's whole profile read and ranked (decision 0052's items 1 and 7 undone), ${size}`,
        unit: 'ms',
        samples: fromEveryone!,
        lowerIsBetter: true,
      },
      {
        id: 'staffing-manager',
        label: `the same suggestions for a manager of one team (${team}, the largest of the product line), ${size}`,
        unit: 'ms',
        samples: forManager!,
        lowerIsBetter: true,
      },
      {
        id: 'staffing-before-0048',
        label: `the same suggestions as before decision 0048 (assignments from their whole history, activities joined with their scheduling), ${size}`,
        unit: 'ms',
        samples: before!,
        lowerIsBetter: true,
      },
      {
        id: 'week-loads',
        label: `the assignments' committed load in the suggestion's weeks (${weeks.mondays.length}), from the weekly load table, ${size}`,
        unit: 'ms',
        samples: loadsAfter!,
        lowerIsBetter: true,
      },
      {
        id: 'week-loads-before-0048',
        label: `the same loads from every assignment and release ever recorded (before decision 0048), ${size}`,
        unit: 'ms',
        samples: loadsBefore!,
        lowerIsBetter: true,
      },
      {
        id: 'capacity-plan',
        label: `capacity plan, every team and product line, 8 weeks, ${size}`,
        unit: 'ms',
        samples: await samples(context.runs, () => capacityPlan(s, { now, weeks: 8 })),
        lowerIsBetter: true,
      },
      {
        id: 'open-requests',
        label: `support requests waiting, ${size}`,
        unit: 'ms',
        samples: await samples(context.runs, () => openSupportRequests(s, 50)),
        lowerIsBetter: true,
      },
    ];
  } finally {
    await store?.close();
    if (STAFFING_STORE === undefined) rmSync(dir, { recursive: true, force: true });
  }
}

/**
 * The history's event count: read from the kept folder's record when it was prepared there for
 * the same count, else generated and projected now (and recorded, once merged, if kept).
 */
async function keptOrLoaded(context: BenchContext, store: ChdbAnalyticsStore, dir: string): Promise<number> {
  const record = join(dir, 'prepared.json');
  const preparation = { asked: STAFFING_EVENTS, ...KEPT_HISTORY };
  if (STAFFING_STORE !== undefined && existsSync(record)) {
    const prepared = JSON.parse(readFileSync(record, 'utf8')) as typeof preparation & { events: number };
    const differing = Object.entries(preparation).filter(
      ([key, value]) => prepared[key as keyof typeof preparation] !== value,
    );
    if (differing.length > 0)
      throw new Error(
        `staffing: ${dir} holds a history prepared otherwise (${differing
          .map(([key, value]) => `${key} ${String(prepared[key as keyof typeof preparation])}, not ${String(value)}`)
          .join('; ')}); remove it or choose another folder`,
      );
    context.log(`staffing: reading the ${prepared.events.toLocaleString('en-US')} events kept in ${dir}`);
    return prepared.events;
  }
  context.log(`staffing: generating ${STAFFING_EVENTS.toLocaleString('en-US')} events and projecting them into chDB`);
  const events = await loadKpiData(
    generateDemo({ seed: KEPT_HISTORY.seed, scale: Math.ceil(STAFFING_EVENTS * SCALE_MARGIN) }),
    {
      analytics: store,
    },
  );
  await backgroundMergesDone(store);
  // Written last: a folder interrupted while preparing has no record and is not taken for ready.
  if (STAFFING_STORE !== undefined) writeFileSync(record, JSON.stringify({ ...preparation, events }));
  return events;
}

/** The knowledge library's search and the staffing suggestions (issue 24) on chDB. */
export const librarySuite: BenchSuite = {
  name: 'library',
  async run(context: BenchContext): Promise<BenchSection> {
    const figures = [...(await libraryFigures(context)), ...(await staffingFigures(context))];
    return {
      title: 'Knowledge library and staffing on chDB',
      method: `Library: ${ASSETS.toLocaleString('en-US')} generated assets (\`BENCH_LIBRARY_ASSETS\`; titles and half of them a revision summary mixing Chinese and English words, two product lines each) projected into chDB; each search answers the first page of 20 and the total, as GET /api/library/assets does (searchLibrary: one sorted statement for the page's rows and the total, the engine's own count of the rows before its LIMIT, then the page's reuse counts; decision 0041). Staffing: a generated presales history (seed 11, \`BENCH_STAFFING_EVENTS\`, default 10,000,000 as the issue's target) projected as the KPI suite does; "now" is the history's last support request; the suggestion is for the soonest-due waiting demo request (demos are the activities completed most, so its record on similar work is the largest), and a suggestion is what GET /api/staffing/.../suggestions computes: the work read (two statements side by side), then profiles, certified skills, the assignments' load in the weeks from the weekly load table (decision 0048), war rooms in the weeks, and the record on similar work (five statements side by side), ranked (the war rooms' load counted for the ranked consultants only); the consultants of the work's product line are read and ranked first, and everyone only when their first ten are not out of reach of the others (decision 0052). Beside it, timed in turns with it in the same run, the same suggestion with every consultant's whole profile read and ranked (decision 0052's items 1 and 7 undone), the same suggestion with the assignments read from their whole history and the record's activities joined with their scheduling, as before decision 0048 (both answers checked equal first), and the assignments' loads alone both ways. With \`BENCH_STAFFING_STORE\` the history is prepared once in that folder and later runs read it as it is, in a fresh process as the platform reads its store (a run that generated it in-process measured about twice slower, its heap and chDB's still full of the preparation).`,
      figures,
      ratios: [
        {
          label: 'staffing suggestions, every consultant ÷ the product line first (decision 0052, speed-up)',
          of: 'staffing-everyone',
          against: 'staffing',
        },
        {
          label: 'staffing suggestions before ÷ after decision 0048 (speed-up)',
          of: 'staffing-before-0048',
          against: 'staffing',
        },
        {
          label: "the assignments' weekly loads before ÷ after decision 0048 (speed-up)",
          of: 'week-loads-before-0048',
          against: 'week-loads',
        },
      ],
    };
  },
};
