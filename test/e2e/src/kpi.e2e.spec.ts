import type {
  ApiErrorBody,
  KpiCatalogChange,
  KpiCatalogEntry,
  KpiUnitsResponse,
  MaturityResponse,
  PublishCatalogChangesResponse,
  ScorecardResponse,
  TrendResponse,
} from '@presales/contracts';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { eventsFile } from './audit-fixtures.js';
import {
  apiFetch,
  bearerFor,
  json,
  postJson,
  runUntilExit,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
  type PlatformProcess,
} from './platform-process.js';

describe('KPI and maturity API and CLI', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  beforeAll(async () => {
    // One team on the record, with no work: its scorecard is all "no data", and it names product line erp.
    const store = SqliteEventStore.open({ file: eventsFile(data.dir), clock: () => new Date('2026-01-02T00:00:00Z') });
    const formed = { teamId: 'T-1', name: 'ERP East', managerId: 'C-1', productLines: ['erp'] };
    await store.appendToStream(
      'team-T-1',
      [
        {
          id: randomUUID(),
          type: 'TeamFormed',
          data: formed,
          metadata: { occurredAt: '2026-01-02T00:00:00Z', actor: { id: 'pmo', role: 'manager' }, schemaVersion: 1 },
        },
      ],
      {
        expectedRevision: 'no_stream',
      },
    );
    await store.close();
    platform = await startPlatform(data.dir, { DEMO_DATA: 'off' });
    await untilCaughtUp(platform.url);
  });
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('lists the 28 KPIs of the catalog with names in English and Chinese and their SQL', async () => {
    const catalog = await json<KpiCatalogEntry[]>(await apiFetch(`${platform.url}api/kpis`));
    expect(catalog).toHaveLength(28);
    expect(catalog[0]).toMatchObject({
      id: 'win_rate',
      version: 1,
      names: { en: 'Win rate', zh: '赢单率' },
      direction: 'up',
      aggregate: 'ratio',
    });
    // The recorded decimals and percent bands, listed as the numbers and fractions the dashboard computes with.
    expect(catalog[0]).toMatchObject({ defaultTarget: 0.35, weight: 3, tolerance: { green: 0.05, amber: 0.15 } });
    expect(catalog.find((k) => k.id === 'bid_rate')).toMatchObject({
      direction: 'context',
      defaultTarget: null,
      projectTypeOverrides: {},
    });
    expect(catalog.find((k) => k.id === 'response_sla_attainment')!.parameters).toMatchObject({
      slaHoursByKind: { rfp: 24 },
    });
  });

  it('answers a scorecard with no data as "no data", never 0, and traces each value', async () => {
    const card = await json<ScorecardResponse>(
      await apiFetch(`${platform.url}api/kpis/scorecard?period=2026-Q1&scope=team:T-1&asOf=2026-06-01T00:00:00Z`),
    );
    expect(card).toMatchObject({
      period: '2026-Q1',
      scope: 'team:T-1',
      asOf: '2026-06-01T00:00:00.000Z',
      reportingCurrency: 'CNY',
    });
    expect(card.lines).toHaveLength(28);
    const winRate = card.lines.find((l) => l.kpiId === 'win_rate')!;
    expect(winRate).toMatchObject({
      plan: { target: 0.35, source: 'default' },
      do: { actual: null, units: 0 },
      check: { status: 'no_data' },
    });
    expect(winRate.do.sql).toContain('recorded_at_ms <= 1780272000000');
    expect(winRate.do.unitsHref).toBe(
      '/api/kpis/win_rate/units?period=2026-Q1&scope=team%3AT-1&version=1&asOf=2026-06-01T00:00:00.000Z',
    );
    // The drill-down of a project type's scorecard counts that project type's units, of the same version.
    const strategic = await json<ScorecardResponse>(
      await apiFetch(
        `${platform.url}api/kpis/scorecard?period=2026-Q1&projectType=strategic&version=1&asOf=2026-06-01T00:00:00Z`,
      ),
    );
    const href = strategic.lines.find((l) => l.kpiId === 'win_rate')!.do.unitsHref;
    expect(href).toBe(
      '/api/kpis/win_rate/units?period=2026-Q1&scope=org&version=1&projectType=strategic&asOf=2026-06-01T00:00:00.000Z',
    );
    expect(await json<KpiUnitsResponse>(await apiFetch(`${platform.url}${href.slice(1)}`))).toMatchObject({
      projectType: 'strategic',
      units: [],
      truncated: false,
    });
    expect(card.composite.score).toBeNull();
  });

  it('gives a trend per month and the drill-down units', async () => {
    const trend = await json<TrendResponse>(
      await apiFetch(
        `${platform.url}api/kpis/hit_rate/trend?from=2026-01-01T00:00:00Z&to=2026-03-31T00:00:00Z&scope=product_line:erp`,
      ),
    );
    expect(trend.points.map((p) => p.period)).toEqual(['2026-01', '2026-02', '2026-03']);
    expect(trend.version).toBe(1);
    for (const point of trend.points) {
      expect(point.sql).toContain('bid_outcome_recorded');
      const drill = await json<KpiUnitsResponse>(await apiFetch(`${platform.url}${point.unitsHref.slice(1)}`));
      expect([drill.period, drill.scope, drill.units.length]).toEqual([point.period, 'product_line:erp', point.units]);
    }
    const units = await apiFetch(`${platform.url}api/kpis/hit_rate/units?period=2026-02`);
    expect(units.status).toBe(200);
  });

  it('rejects bad parameters naming them', async () => {
    const bad = await apiFetch(`${platform.url}api/kpis/scorecard?period=Q1-2026`);
    expect(bad.status).toBe(400);
    expect((await json<ApiErrorBody>(bad)).error.message).toMatch(/period = "Q1-2026"/);
    expect((await apiFetch(`${platform.url}api/kpis/scorecard?period=2026-01&scope=galaxy:1`)).status).toBe(400);
    // A scope that names nothing on the record is a typo, not a team that did nothing.
    for (const [path, message] of [
      ['api/kpis/scorecard?period=2026-01&scope=team:T-2', 'scope team:T-2: no team is recorded with id T-2 as of'],
      [
        'api/kpis/win_rate/trend?scope=consultant:C-9',
        'scope consultant:C-9: no consultant is recorded with id C-9 as of',
      ],
      [
        'api/kpis/win_rate/units?period=2026-01&scope=product_line:crm',
        'scope product_line:crm: no team, consultant or opportunity has product line crm as of',
      ],
    ]) {
      const unknown = await apiFetch(`${platform.url}${path}`);
      expect(unknown.status, path).toBe(404);
      expect((await json<ApiErrorBody>(unknown)).error.message).toContain(message);
    }
    expect((await apiFetch(`${platform.url}api/kpis/nope/trend`)).status).toBe(404);
    // A path the published contract refuses (a KPI id is snake_case) is a 400 naming it, not an unknown KPI.
    for (const path of ['api/kpis/Win-Rate/trend', 'api/kpis/Win-Rate/units?period=2026-01']) {
      const malformed = await apiFetch(`${platform.url}${path}`);
      expect(malformed.status, path).toBe(400);
      expect((await json<ApiErrorBody>(malformed)).error.issues?.[0]?.path, path).toBe('id');
    }
    expect((await apiFetch(`${platform.url}api/kpis/win_rate/trend?version=7`)).status).toBe(404);
    for (const path of ['api/kpis/scorecard?period=2026-01&version=7', 'api/kpis?version=7']) {
      const unknown = await apiFetch(`${platform.url}${path}`);
      expect(unknown.status, path).toBe(404);
      expect((await json<ApiErrorBody>(unknown)).error.message).toMatch(
        /version 7: no KPI has it .*\(the highest published is 1\)/,
      );
    }
    // A moment still to come can gain events: refused, not answered with what is recorded so far.
    for (const path of [
      'api/kpis/scorecard?period=2026-01&',
      'api/kpis?',
      'api/kpis/win_rate/trend?',
      'api/kpis/win_rate/units?period=2026-01&',
      'api/maturity?',
      'api/maturity/bid?',
    ]) {
      const future = await apiFetch(`${platform.url}${path}asOf=2999-01-01T00:00:00Z`);
      expect(future.status, path).toBe(400);
      expect((await json<ApiErrorBody>(future)).error.message).toMatch(
        /asOf = "2999-01-01T00:00:00Z": must be at or before now/,
      );
    }
    const century = await apiFetch(
      `${platform.url}api/kpis/win_rate/trend?from=1900-01-01T00:00:00Z&to=2026-01-01T00:00:00Z`,
    );
    expect(century.status).toBe(400);
    expect((await json<ApiErrorBody>(century)).error.message).toMatch(
      /must span at most 240 months \(this range spans 1513\)/,
    );
    expect((await json<ApiErrorBody>(await apiFetch(`${platform.url}api/maturity/galaxy`))).error.message).toMatch(
      /area = "galaxy"/,
    );
  });

  it('assesses maturity per area with the staged rule and a drill-down', async () => {
    const all = await json<MaturityResponse>(await apiFetch(`${platform.url}api/maturity?asOf=2026-08-01T00:00:00Z`));
    expect(all.window.quarters).toEqual(['2026-Q1', '2026-Q2']);
    expect(all.areas).toHaveLength(10);
    const bid = await json<MaturityResponse>(await apiFetch(`${platform.url}api/maturity/bid?window=3&threshold=0.9`));
    expect(bid.areas.map((a) => a.area)).toEqual(['bid']);
    expect(bid.threshold).toBe(0.9);
    expect(bid.areas[0]!.levels[1]!.practices.map((p) => p.id)).toEqual([
      'bid.decision_recorded',
      'bid.reviewed_before_submission',
    ]);
  });

  it('prints the scorecard and the maturity levels from the CLI', async () => {
    const kpi = await runUntilExit(['kpi', '--period', '2026-Q1', '--url', platform.url]);
    expect(kpi.code).toBe(0);
    expect(kpi.output).toMatch(
      /Scorecard 2026-Q1, org[\s\S]*win_rate\s+collaboration\s+35\.0 %\s+no data[\s\S]*composite: no data/,
    );
    const maturity = await runUntilExit(['maturity', '--url', platform.url, '--as-of', '2026-08-01T00:00:00Z']);
    expect(maturity.output).toMatch(/bid\s+1\s+Initial 初始级\s+level 2 needs: bid\.decision_recorded/);
  });

  it('publishes the catalog as new versions where it differs from the versions in force, for managers only', async () => {
    const manager = await bearerFor(platform.url, 'manager', 'mia');
    const changes = async () => json<KpiCatalogChange[]>(await apiFetch(`${platform.url}api/kpis/catalog-changes`));
    expect(await changes()).toEqual([]);
    // A manager's own version of hit_rate: another target and SQL, so the catalog now differs from it.
    const catalog = await json<KpiCatalogEntry[]>(await apiFetch(`${platform.url}api/kpis`));
    const hitRate = catalog.find((entry) => entry.id === 'hit_rate')!;
    const { id, names, unit, direction, area, aggregate, description } = hitRate;
    const own = {
      id,
      names,
      unit,
      direction,
      area,
      aggregate,
      description,
      defaultTarget: '0.25',
      weight: String(hitRate.weight),
      tolerance: { greenPct: '5', amberPct: '15' },
      sql: `${hitRate.sql} AND 1 = 1`,
    };
    const publishedOwn = await postJson(`${platform.url}api/kpis/hit_rate/versions`, own, manager);
    expect(publishedOwn.status, await publishedOwn.clone().text()).toBe(201);
    // Read from the record itself: listed the moment the version is appended.
    expect(await changes()).toEqual([{ kpiId: 'hit_rate', versionInForce: 2, changed: ['defaultTarget', 'sql'] }]);
    // A restart says so, and publishes nothing by itself: the version in force may be the manager's.
    await platform.stop();
    platform = await startPlatform(data.dir, { DEMO_DATA: 'off' });
    expect(platform.output()).toContain(
      "[kpi] this release's catalog differs from the definitions in force of 1 KPIs: hit_rate (version 2)",
    );
    expect(platform.output()).not.toContain('[kpi] published version 1');

    const listedByCli = await runUntilExit(['kpi', 'catalog-changes', '--url', platform.url]);
    expect(listedByCli.code).toBe(0);
    expect(listedByCli.output).toMatch(/hit_rate\s*│?\s*2\s*│?\s*defaultTarget, sql/);
    expect((await runUntilExit(['kpi', 'catalog-change', '--url', platform.url])).output).toContain(
      'expected nothing (the scorecard) or catalog-changes [publish]',
    );
    const refused = await postJson(
      `${platform.url}api/kpis/catalog-changes`,
      {},
      await bearerFor(platform.url, 'presales', 'carl'),
    );
    expect(refused.status).toBe(403);
    const response = await postJson(`${platform.url}api/kpis/catalog-changes`, {}, manager);
    expect(response.status).toBe(201);
    expect(await json<PublishCatalogChangesResponse>(response)).toMatchObject({
      published: [{ kpiId: 'hit_rate', version: 3 }],
      projected: true,
    });
    expect(await changes()).toEqual([]);
    expect((await runUntilExit(['kpi', 'catalog-changes', 'publish', '--url', platform.url])).output).toContain(
      "The definitions in force are the catalog's: nothing to publish.",
    );
    const inForce = (await json<KpiCatalogEntry[]>(await apiFetch(`${platform.url}api/kpis`))).find(
      (entry) => entry.id === 'hit_rate',
    )!;
    expect(inForce).toMatchObject({ version: 3, sql: hitRate.sql, defaultTarget: hitRate.defaultTarget });

    // A definition the domain would not record is refused, naming the field; the path's id is the definition's.
    const numeric = await postJson(
      `${platform.url}api/kpis/hit_rate/versions`,
      { ...own, id: 'win_rate', weight: 2 },
      manager,
    );
    expect(numeric.status).toBe(400);
    const numericRefusal = (await json<ApiErrorBody>(numeric)).error.message;
    expect(numericRefusal).toMatch(/PublishKpiDefinition: definition\.weight = 2: /);
    expect(numericRefusal).not.toContain('definition.id');
    const notAnObject = await postJson(`${platform.url}api/kpis/hit_rate/versions`, ['hit_rate'], manager);
    expect(notAnObject.status).toBe(400);
    expect((await json<ApiErrorBody>(notAnObject)).error.message).toContain('definition');

    const stranger = await postJson(
      `${platform.url}api/kpis/brand_new_kpi/versions`,
      { ...own, id: 'brand_new_kpi' },
      manager,
    );
    expect(stranger.status).toBe(404);
    expect((await json<ApiErrorBody>(stranger)).error.message).toContain('KPI brand_new_kpi: not in the catalog');

    // A version whose SQL cannot run is refused before it is in force, and nothing is recorded.
    for (const sql of [`${hitRate.sql} AND {{bogus_macro}}`, hitRate.sql.replace('outcome', 'outcomee')]) {
      const broken = await postJson(`${platform.url}api/kpis/hit_rate/versions`, { ...own, sql }, manager);
      expect(broken.status).toBe(400);
      expect((await json<ApiErrorBody>(broken)).error.message).toMatch(
        /definition\.sql = "hit_rate version 4": must run in a org scope: .*(bogus_macro|outcomee)/,
      );
    }
    expect(
      (await json<KpiCatalogEntry[]>(await apiFetch(`${platform.url}api/kpis`))).find(
        (entry) => entry.id === 'hit_rate',
      )!.version,
    ).toBe(3);
    expect((await apiFetch(`${platform.url}api/kpis/scorecard?period=2026-Q1`)).status).toBe(200);
  });
});
