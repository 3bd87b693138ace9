import type {
  KpiUnitsResponse,
  MaturityResponse,
  ScorecardResponse,
  SqlResponse,
  TrendResponse,
} from '@presales/contracts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { BrowserContext, Page, Route } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInToApi, type ApiSession } from './api-session.js';
import { ARTIFACTS, browserSuite, watchPage } from './browser-suite.js';
import { chromiumSkipReason } from './chromium.js';
import { chooseLanguage, leftoverEnglish, signInThroughForm, viewReady, visibleText } from './dashboard-page.js';
import { untilCaughtUp } from './platform-process.js';

const skip = chromiumSkipReason('the dashboard in Chromium');
const ADMIN_PASSWORD = 'admin-browser-test-1';
const DEMO_PASSWORD = 'demo-browser-test-1';
const PERIOD = '2026-Q3';

/** Every view, with the state its screenshot shows. */
const VIEWS: readonly { name: string; path: string }[] = [
  { name: 'overview', path: `overview?period=${PERIOD}` },
  { name: 'scorecard', path: `scorecard?period=${PERIOD}` },
  { name: 'what-if', path: `what-if?period=${PERIOD}` },
  { name: 'kpi-detail', path: `kpis/win_rate?period=${PERIOD}` },
  { name: 'units', path: `kpis/win_rate/units?period=${PERIOD}&scope=org` },
  { name: 'record', path: 'records/tnd-000125' },
  { name: 'maturity', path: 'maturity/bid' },
  { name: 'capacity', path: `capacity?period=${PERIOD}` },
  { name: 'pipeline', path: `pipeline?period=${PERIOD}` },
];

describe.skipIf(skip !== undefined)('the dashboard application in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let manager: ApiSession;
  /**
   * Text on the record (names of teams, consultants and the user; the reasons war rooms were opened
   * for, typed by whoever opened them): allowed to stay as it is in Chinese text.
   */
  let names: string[] = [];
  const problems: string[] = [];
  /** Until the command routes exist (issue 17), the dashboard's probe of them is answered 404: that is the API's answer it shows. */
  let commandRoutesMissing = false;
  const COMMAND_ROUTES = /\/api\/(openapi\.json|corrective-actions)$/;

  const watch = (target: Page) => {
    // The wrong-password test is refused (401): that is the contract.
    // An analyst query of a view left behind may still hold the caller's one SQL slot: the next view's
    // query is answered 429 and the app waits out Retry-After (api/endpoints.ts); the browser logs the 429.
    watchPage(
      target,
      problems,
      (message) =>
        message.location().url.endsWith('/api/auth/login') ||
        (message.text().includes('429') && message.location().url.endsWith('/api/sql')),
    );
    target.on('response', (response) => {
      if (response.status() === 404) problems.push(`404: ${response.url()}`);
    });
  };

  const suite = browserSuite({
    env: { DEMO_DATA: 'on', PRESALES_ADMIN_PASSWORD: ADMIN_PASSWORD, PRESALES_DEMO_PASSWORD: DEMO_PASSWORD },
    prepare: async (platform) => {
      // The demo history is still being projected when the URL is printed: compare against all of it.
      await untilCaughtUp(platform.url, 120_000);
      manager = await signInToApi(platform.url, 'manager', DEMO_PASSWORD);
      const me = await manager.get<{ user: { name: string } }>('api/auth/me');
      const scopes = (await (
        await manager.post('api/sql', {
          sql: 'SELECT name FROM team_formed FINAL UNION ALL SELECT name FROM consultant_onboarded FINAL UNION ALL SELECT reason AS name FROM war_room_opened FINAL',
        })
      ).json()) as SqlResponse;
      names = [me.user.name, ...scopes.rows.map((r) => String(r['name']))];
    },
    timeoutMs: 180_000,
  });
  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
    page = await context.newPage();
    watch(page);
  });

  it('asks a deep link to sign in, refuses a wrong password, and comes back to the link', async () => {
    await page.goto(`${suite.platform.url}scorecard?period=2026-Q2&status=red`);
    await page.waitForURL(/\/sign-in\?redirect=/);
    await signInThroughForm(page, 'manager', 'not-the-password');
    await page.waitForSelector('[data-sign-in-error]');
    expect(await page.textContent('[data-sign-in-error]')).toContain('wrong');
    await signInThroughForm(page, 'manager', DEMO_PASSWORD);
    await page.waitForURL(/\/scorecard\?period=2026-Q2&status=red$/);
    await viewReady(page);
    const card = await manager.get<ScorecardResponse>('api/kpis/scorecard?period=2026-Q2');
    const red = card.lines.filter((l) => l.check.status === 'red').map((l) => l.kpiId);
    expect(red.length).toBeGreaterThan(0);
    expect(
      await page.$$eval('[data-table=scorecard] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-kpi'))),
    ).toEqual(expect.arrayContaining(red));
    expect(
      await page.$$eval('[data-table=scorecard] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-status'))),
    ).toEqual(red.map(() => 'red'));
  });

  it('shows the API’s numbers on the overview, the scorecard and the drill-down to a record', async () => {
    const card = await manager.get<ScorecardResponse>(`api/kpis/scorecard?period=${PERIOD}`);
    await page.goto(`${suite.platform.url}overview?period=${PERIOD}`);
    await viewReady(page);
    expect(Number(await page.getAttribute('[data-composite]', 'data-score'))).toBeCloseTo(card.composite.score!, 6);
    expect(await page.textContent('[data-short-board]')).toContain(
      card.lines.find((l) => l.kpiId === card.composite.shortBoard!.kpiId)!.names.en,
    );
    // Red first: the first rows are the red KPIs.
    const statuses = await page.$$eval('.kpi-row', (rows) => rows.map((r) => r.getAttribute('data-status')));
    expect(statuses.slice(0, card.lines.filter((l) => l.check.status === 'red').length).every((s) => s === 'red')).toBe(
      true,
    );

    await page.click('[data-nav=scorecard]');
    await viewReady(page);
    expect(page.url()).toContain(`period=${PERIOD}`);
    const shown = await page.$$eval('[data-table=scorecard] tbody tr', (rows) =>
      rows.map((r) => [
        r.getAttribute('data-kpi'),
        r.querySelector('[data-cell=actual] .value-link')?.getAttribute('data-value') ?? 'error',
      ]),
    );
    expect(shown).toHaveLength(28);
    for (const [kpiId, value] of shown) {
      const actual = card.lines.find((l) => l.kpiId === kpiId)!.do.actual;
      expect(value === '' ? null : Number(value), kpiId!).toBe(actual);
    }

    await page.click('[data-kpi=win_rate] [data-cell=actual] .value-link');
    await page.waitForURL(/\/kpis\/win_rate\/units\?/);
    await viewReady(page);
    const units = await manager.get<KpiUnitsResponse>(card.lines.find((l) => l.kpiId === 'win_rate')!.do.unitsHref);
    expect(await page.$$eval('[data-unit]', (links) => links.map((a) => a.textContent))).toEqual(
      units.units.map((u) => u.unitId),
    );
    await page.click('[data-unit] >> nth=0');
    await page.waitForURL(/\/records\/opp-/);
    await viewReady(page);
    expect(await page.$$eval('[data-table=record] tbody tr', (rows) => rows.length)).toBeGreaterThan(0);
    expect(await page.textContent('[data-table=record]')).toContain('OpportunityRegistered');
  });

  it('mounts on the overview only what it shows: every row, and each list or SQL dialog once opened (decision 0047)', async () => {
    const card = await manager.get<ScorecardResponse>(`api/kpis/scorecard?period=${PERIOD}`);
    await page.goto(`${suite.platform.url}overview?period=${PERIOD}`);
    await viewReady(page);
    // The rows below the first screen follow a frame later: all of them are there once it is ready.
    expect(await page.$$eval('.kpi-row', (rows) => rows.length)).toBe(card.lines.length);
    // No picker's list and no SQL dialog exists while closed (the command palette's one dialog aside),
    // yet the pickers show their choice's label, not its code.
    expect(await page.$$eval('.el-select-dropdown__item', (items) => items.length)).toBe(0);
    expect(await page.$$eval('.el-overlay', (overlays) => overlays.length)).toBeLessThanOrEqual(1);
    expect(await page.textContent('.global-controls [data-control=period]')).toContain('Q3 2026');
    expect(await page.textContent('.global-controls [data-control=scope]')).toContain('Whole organisation');
    // Opened, the period's list has its groups, and a choice changes the URL.
    await page.click('.global-controls [data-control=period]');
    await page.waitForSelector('.el-select-group__title:visible:has-text("Months")');
    await page.click('.el-select-dropdown__item:visible:has-text("Q2 2026")');
    await page.waitForURL(/period=2026-Q2/);
    await viewReady(page);
    // A KPI's SQL opens in its dialog on the first press.
    await page.click('.kpi-row .sql-button >> nth=0');
    await page.waitForSelector('.el-dialog pre.sql:visible');
    expect(await page.textContent('.el-dialog pre.sql:visible')).toMatch(/SELECT/i);
    await page.keyboard.press('Escape');
    await page.waitForSelector('.el-dialog pre.sql', { state: 'hidden' });
    // The asOf picker stands in for Element Plus's until pressed: no calendar in the page before,
    // and the first press opens the real one.
    expect(await page.$$eval('.el-picker-panel', (panels) => panels.length)).toBe(0);
    // The stand-in is announced as the control it opens, not as a read-only field.
    const standIn = page.locator('.global-controls [data-control=asOf] input');
    expect(await standIn.getAttribute('readonly')).toBeNull();
    expect(await standIn.getAttribute('aria-haspopup')).toBe('dialog');
    // What is typed while the real picker is still on its way does not get into the stand-in:
    // its script is held back until the keys are in.
    const held: Route[] = [];
    let holding = true;
    await page.route('**/*.js', (route) => (holding ? void held.push(route) : route.continue()));
    const shown = await standIn.inputValue();
    await standIn.focus();
    await page.keyboard.type('2020-01-01');
    await page.keyboard.insertText('1999');
    expect(await standIn.inputValue()).toBe(shown);
    expect(held.length).toBeGreaterThan(0);
    holding = false;
    for (const route of held) await route.continue();
    await page.waitForSelector('.el-picker-panel:visible');
    await page.unroute('**/*.js');
    await page.keyboard.press('Escape');
    await page.waitForSelector('.el-picker-panel', { state: 'hidden' });
  });

  it('shows the trend, maturity, capacity and pipeline from the API', async () => {
    const trend = await manager.get<TrendResponse>('api/kpis/win_rate/trend');
    await page.goto(`${suite.platform.url}kpis/win_rate?period=${PERIOD}`);
    await viewReady(page);
    expect(await page.$$eval('[data-table=trend-points] tbody tr', (rows) => rows.length)).toBe(trend.points.length);
    expect(await page.$$eval('[data-panel=comparison] svg path', (paths) => paths.length)).toBeGreaterThan(3);

    const maturity = await manager.get<MaturityResponse>('api/maturity');
    await page.goto(`${suite.platform.url}maturity`);
    await viewReady(page);
    const levels = await page.$$eval('[data-list=areas] a', (links) =>
      links.map((a) => [a.getAttribute('data-area'), Number(a.getAttribute('data-level'))]),
    );
    expect(levels).toEqual(maturity.areas.map((a) => [a.area, a.level]));
    await page.click('[data-area=bid]');
    await page.waitForSelector('[data-panel=practices][data-area=bid]');
    const practices = maturity.areas.find((a) => a.area === 'bid')!.levels.flatMap((l) => l.practices);
    expect(
      await page.$$eval('[data-practice]', (rows) =>
        rows.map((r) => [r.getAttribute('data-practice'), r.getAttribute('data-passed')]),
      ),
    ).toEqual(practices.map((p) => [p.id, String(p.passed)]));

    await page.goto(`${suite.platform.url}capacity?period=${PERIOD}`);
    await viewReady(page);
    expect(Number(await page.getAttribute('[data-panel=heatmap] .chart', 'data-rows'))).toBeGreaterThan(100);

    await page.goto(`${suite.platform.url}pipeline?period=${PERIOD}`);
    await viewReady(page);
    for (const panel of ['funnel', 'outcomes', 'gaps', 'calendar'])
      expect(await page.$$eval(`[data-panel=${panel}] svg`, (svgs) => svgs.length), panel).toBeGreaterThan(0);
    expect(await page.textContent('[data-panel=funnel]')).toContain('Negotiation');
  });

  it('shows the numbers of the API for the asOf chosen in the control', async () => {
    const values = () =>
      page.$$eval('.kpi-row', (rows) =>
        rows.map((r) => [
          r.getAttribute('data-kpi'),
          r.querySelector('.value-link')?.getAttribute('data-value') ?? 'error',
        ]),
      );
    await page.goto(`${suite.platform.url}overview?period=2026-Q2`);
    await viewReady(page);
    const live = await values();
    await page.click('.as-of input');
    await page.fill('.as-of input', '2026-05-15');
    await page.keyboard.press('Enter');
    await page.waitForURL(/asOf=2026-05-15T23(%3A|:)59(%3A|:)59.999Z/);
    await viewReady(page);
    const then = await manager.get<ScorecardResponse>(
      'api/kpis/scorecard?period=2026-Q2&asOf=2026-05-15T23:59:59.999Z',
    );
    expect(Number(await page.getAttribute('[data-composite]', 'data-score'))).toBeCloseTo(then.composite.score!, 6);
    const shown = await values();
    for (const [kpiId, value] of shown)
      expect(value === '' ? null : Number(value), kpiId!).toBe(then.lines.find((l) => l.kpiId === kpiId)!.do.actual);
    // Mid-quarter, fewer facts were on the record: the numbers are not the live ones.
    expect(shown).not.toEqual(live);
    // Back returns to the live numbers: the state is the URL.
    await page.goBack();
    await viewReady(page);
    expect(await values()).toEqual(live);
  });

  it('raises a corrective action and sets a target through the command routes, or shows the API’s refusal', async () => {
    const openapi = await fetch(`${suite.platform.url}api/openapi.json`);
    const documented = openapi.ok && (await openapi.text()).includes('RaiseCorrectiveAction');
    commandRoutesMissing = !documented;
    await page.goto(`${suite.platform.url}scorecard?period=${PERIOD}`);
    await viewReady(page);
    // A red KPI where higher is better, and with no corrective action yet.
    const kpiId = (await page.$$eval('[data-table=scorecard] tbody tr[data-status=red][data-direction=up]', (rows) =>
      rows.find((r) => r.querySelector('[data-cell=act][data-actions="0"]'))?.getAttribute('data-kpi'),
    ))!;
    expect(kpiId).toBeDefined();
    const row = `[data-table=scorecard] tbody tr[data-kpi=${kpiId}]`;
    await page.click(`${row} [data-action=raise]`);
    await page.fill('[data-dialog=action] textarea[name=rootCause]', 'bids answered late');
    await page.fill('[data-dialog=action] textarea[name=action]', 'a second reviewer on every bid');
    await page.fill('[data-dialog=action] input[name=ownerId]', 'con-000001');
    await page.click('[data-action=submit-command]');
    if (!documented) {
      // The command routes are not on this platform (issue 17): the dialog shows the API's answer.
      await page.waitForSelector('[data-action-error]');
      expect(await page.textContent('[data-action-error]')).toMatch(/refused it: Not found: .*corrective-actions/);
      return;
    }
    // The action is in the scorecard's Act column, as the API counts it.
    await page.waitForSelector(`${row} [data-cell=act][data-actions="1"]`);
    const card = await manager.get<ScorecardResponse>(`api/kpis/scorecard?period=${PERIOD}`);
    expect(card.lines.find((l) => l.kpiId === kpiId)!.act.open).toBe(1);
    // A target of 1 (1 % for a share) is met: the KPI turns green.
    await page.click(`${row} [data-action=set-target]`);
    const target = page
      .locator('[data-dialog=action] [name=target] input, [data-dialog=action] .el-input-number input')
      .first();
    await target.fill('1');
    await target.press('Tab');
    await page.click('[data-action=submit-command]');
    await page.waitForSelector(`${row}[data-status=green]`);
    const after = await manager.get<ScorecardResponse>(`api/kpis/scorecard?period=${PERIOD}`);
    expect(after.lines.find((l) => l.kpiId === kpiId)!.plan).toMatchObject({ source: 'target_set' });
  });

  it('recomputes status and composite in the browser when a target changes (what-if)', async () => {
    await page.goto(`${suite.platform.url}what-if?period=${PERIOD}`);
    await viewReady(page);
    const before = await page.getAttribute('[data-composite-after]', 'data-score');
    // Targets every red KPI meets (1 where higher is better, 1000 where lower is): all turn green,
    // the weakest attainment rises, and with it the no-short-board cap.
    const reds = await page.$$eval('[data-table=what-if] tbody tr', (rows) =>
      rows
        .filter(
          (r) =>
            r.querySelector('[data-cell=after] [data-status=red]') &&
            ['up', 'down'].includes(r.getAttribute('data-direction')!),
        )
        .map((r) => [r.getAttribute('data-kpi')!, r.getAttribute('data-direction')!]),
    );
    expect(reds.length).toBeGreaterThan(0);
    for (const [kpiId, direction] of reds) {
      const input = page.locator(`[data-kpi=${kpiId}] [data-input=target] input`);
      await input.fill(direction === 'up' ? '1' : '1000');
      await input.press('Tab');
      await page.waitForSelector(`[data-kpi=${kpiId}] [data-cell=after] [data-status=green]`);
    }
    expect(Number(await page.getAttribute('[data-composite-after]', 'data-score'))).toBeGreaterThan(Number(before));
    expect(await page.textContent('[data-action=save-targets]')).toContain(String(reds.length));
  });

  it('recomputes maturity levels in the browser when targets change, as the API answers once they are saved (what-if)', async () => {
    const before = await manager.get<MaturityResponse>('api/maturity');
    const cards = await Promise.all(
      before.window.quarters.map((period) => manager.get<ScorecardResponse>(`api/kpis/scorecard?period=${period}`)),
    );
    // Level 4 needs a target set for every measured KPI-quarter of the area. An area at level 3
    // whose KPIs lack targets in one quarter of the window only, and are measured there, reaches
    // level 4 when targets are set in that quarter.
    const untargeted = (area: string, card: ScorecardResponse) =>
      card.lines.filter((l) => l.area === area && l.direction !== 'context' && l.plan.source !== 'target_set');
    const lift = before.areas
      .filter((a) => a.level === 3)
      .map((a) => ({ area: a.area, quarters: cards.filter((card) => untargeted(a.area, card).length > 0) }))
      .find(
        ({ area, quarters }) =>
          quarters.length === 1 && untargeted(area, quarters[0]!).every((line) => line.do.actual !== null),
      );
    expect(lift, 'an area at level 3 that targets in one quarter lift to level 4').toBeDefined();
    const card = lift!.quarters[0]!;
    await page.goto(`${suite.platform.url}what-if?period=${card.period}`);
    await viewReady(page);
    const area = `[data-table=what-if-maturity] [data-maturity-area=${lift!.area}]`;
    await page.waitForSelector(`${area}[data-level-before="3"][data-level-after="3"]`);
    for (const line of untargeted(lift!.area, card)) {
      const input = page.locator(`[data-kpi=${line.kpiId}] [data-input=target] input`);
      await input.fill(String(line.do.actual! > 0 ? 1 : 0));
      await input.press('Tab');
    }
    // The level shown changes in the browser, before anything is saved.
    await page.waitForSelector(`${area}[data-level-before="3"]:not([data-level-after="3"])`);
    const shown = await page.$$eval('[data-table=what-if-maturity] [data-maturity-area]', (rows) =>
      rows.map((r) => [r.getAttribute('data-maturity-area'), Number(r.getAttribute('data-level-after'))]),
    );
    expect(shown.find(([a]) => a === lift!.area)![1]).toBeGreaterThanOrEqual(4);
    await page.click('[data-action=save-targets]');
    await page.waitForSelector(`${area}:not([data-level-before="3"])`);
    const saved = await manager.get<MaturityResponse>('api/maturity');
    expect(saved.areas.map((a) => [a.area, a.level])).toEqual(shown);
  });

  it('refreshes a live view when new events are projected, without a reload', async () => {
    await page.goto(`${suite.platform.url}overview?period=${PERIOD}`);
    await viewReady(page);
    await page.waitForSelector('.live[data-live=true]');
    const tick = Number(await page.getAttribute('.live', 'data-live-tick'));
    const reloaded = page.waitForRequest((r) => r.url().includes('/api/kpis/scorecard'));
    const recorded = await manager.post('api/tenders', {
      tenderId: 'T-LIVE-1',
      opportunityId: 'opp-000001',
      kind: 'rfp',
      issuer: 'Live test',
      deadline: '2026-12-30T00:00:00Z',
      receivedAt: '2026-12-01T00:00:00Z',
    });
    expect(recorded.status).toBe(201);
    await page.waitForFunction(
      (before) => Number(document.querySelector('.live')?.getAttribute('data-live-tick')) > before,
      tick,
      { timeout: 10_000 },
    );
    await reloaded;
  });

  it('is usable with the keyboard: skip link, then the navigation', async () => {
    await page.goto(`${suite.platform.url}overview?period=${PERIOD}`);
    await viewReady(page);
    await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.className)).toContain('skip-link');
    for (let i = 0; i < 3; i += 1) await page.keyboard.press('Tab');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-nav'))).toBe('scorecard');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/scorecard/);
  });

  it('chooses a period with the keyboard alone: the list opens, the arrows move, Enter chooses', async () => {
    await page.goto(`${suite.platform.url}overview?period=${PERIOD}`);
    await viewReady(page);
    await page.focus('.global-controls [data-control=period] input');
    await page.keyboard.press('ArrowDown');
    await page.waitForSelector('.el-select-dropdown__item:visible');
    // The list opens on the chosen period (its groups mount only then, GroupedSelect).
    expect(await page.textContent('.el-select-dropdown__item.is-hovering:visible')).toBe(
      await page.textContent('.el-select-dropdown__item.is-selected:visible'),
    );
    await page.keyboard.press('ArrowDown');
    const next = await page.textContent('.el-select-dropdown__item.is-hovering:visible');
    await page.keyboard.press('Enter');
    await page.waitForURL((url) => (url.searchParams.get('period') ?? PERIOD) !== PERIOD);
    await viewReady(page);
    expect(await page.textContent('.global-controls [data-control=period]')).toContain(next!.trim());
  });

  it('shows every view in English and 简体中文 at 1280 and 768 px, no English left in Chinese, no sideways scrolling', async () => {
    for (const language of ['English', '简体中文'] as const) {
      await page.goto(`${suite.platform.url}overview?period=${PERIOD}`);
      await viewReady(page);
      await chooseLanguage(page, language);
      const lang = language === 'English' ? 'en' : 'zh';
      for (const view of VIEWS) {
        await page.setViewportSize({ width: 1280, height: 800 });
        await page.goto(`${suite.platform.url}${view.path}`);
        await viewReady(page);
        if (language === '简体中文')
          expect(leftoverEnglish(await visibleText(page), names), `${view.name} in Chinese`).toEqual([]);
        else expect(await page.textContent('.view h1'), view.name).toMatch(/[A-Za-z]/);
        // One load, both widths: the charts follow their container (autoresize), the tables restack.
        for (const width of [1280, 768]) {
          await page.setViewportSize({ width, height: 800 });
          await page.waitForTimeout(250); // a resize redraws the charts on the next frame
          await page.screenshot({ path: join(ARTIFACTS, `${view.name}-${lang}-${width}.png`), fullPage: true });
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth),
            `${view.name} at ${width}`,
          ).toBeLessThanOrEqual(width);
        }
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    // The choice is remembered: a reload keeps Chinese.
    await page.reload();
    await viewReady(page);
    expect(await page.evaluate(() => document.documentElement.lang)).toBe('zh-CN');
    await chooseLanguage(page, 'English');
  }, 600_000);

  it('shows each role only its views, and signs out', async () => {
    const roles = {
      sales: ['overview', 'myWork', 'exchange', 'quoteBuilder', 'tenderBoard', 'library', 'staffing'],
      analyst: ['workbench', 'overview', 'scorecard', 'kpis', 'maturity', 'library'],
    } as const;
    for (const [role, views] of Object.entries(roles)) {
      const other = await suite.browser.newContext({ viewport: { width: 1280, height: 800 } });
      const rolePage = await other.newPage();
      watch(rolePage);
      await rolePage.goto(`${suite.platform.url}scorecard?period=${PERIOD}`);
      await rolePage.waitForURL(/\/sign-in/);
      await signInThroughForm(rolePage, role, DEMO_PASSWORD);
      await rolePage.waitForSelector('[data-nav]');
      expect(await rolePage.$$eval('[data-nav]', (links) => links.map((a) => a.getAttribute('data-nav')))).toEqual(
        views,
      );
      if (role === 'sales') expect(rolePage.url()).toMatch(/\/overview/);
      else expect(await rolePage.$$('[data-action=raise]')).toHaveLength(0);
      // Signed out once the view has its answers: a request still in flight at sign-out is
      // answered 401, which the browser logs as a failed load.
      await viewReady(rolePage);
      await rolePage.click('[data-action=sign-out]');
      await rolePage.waitForURL(/\/sign-in/);
      for (const language of ['English', '简体中文'] as const) {
        await chooseLanguage(rolePage, language);
        if (role === 'sales')
          await rolePage.screenshot({
            path: join(ARTIFACTS, `sign-in-${language === 'English' ? 'en' : 'zh'}-1280.png`),
            fullPage: true,
          });
      }
      await other.close();
    }
  }, 120_000);

  it('loads the first view fast, with little JavaScript (reported in docs/benchmarks.md)', async () => {
    const runs: Record<string, number>[] = [];
    for (let run = 0; run < 3; run += 1) {
      const fresh = await suite.browser.newContext({
        viewport: { width: 1280, height: 800 },
        storageState: await context.storageState(),
      });
      const first = await fresh.newPage();
      const started = Date.now();
      await first.goto(`${suite.platform.url}overview?period=${PERIOD}`);
      await first.waitForSelector('[data-composite]');
      const interactiveMs = Date.now() - started;
      await first.waitForFunction(() => performance.getEntriesByName('presales:first-view-painted').length > 0);
      // Where the time went: the app's own JavaScript, and the API's answers it waited for.
      const timing = await first.evaluate(() => {
        const resources = performance.getEntriesByType('resource') as PerformanceResourceTiming[];
        const js = resources.filter((r) => r.name.endsWith('.js'));
        const took = (part: string) => Math.round(resources.find((r) => r.name.includes(part))?.duration ?? -1);
        return {
          // In the page: the first frame with the overview's numbers painted (decision 0047).
          paintedMs: Math.round(performance.getEntriesByName('presales:first-view-painted')[0]?.startTime ?? -1),
          jsFiles: js.length,
          jsBytes: js.reduce((sum, r) => sum + r.decodedBodySize, 0),
          jsTransferred: js.reduce((sum, r) => sum + r.encodedBodySize, 0),
          scriptsLoadedMs: Math.round(Math.max(...js.map((r) => r.responseEnd))),
          authMeMs: took('/api/auth/me'),
          scorecardMs: took('/api/kpis/scorecard'),
        };
      });
      runs.push({ interactiveMs, ...timing });
      await fresh.close();
    }
    writeFileSync(join(ARTIFACTS, 'first-view.json'), JSON.stringify({ view: 'overview', runs }, null, 2));
    // The assets go out compressed: fewer bytes on the wire than the browser runs.
    for (const r of runs) expect(r['jsTransferred']!).toBeLessThan(r['jsBytes']! / 2);
  }, 120_000);

  it('logged no console error, page error or 404 along the way', () => {
    expect(
      problems.filter(
        (problem) =>
          !(commandRoutesMissing && COMMAND_ROUTES.test(problem.replace(/^404: /, '').replace(/^console: .* at /, ''))),
      ),
    ).toEqual([]);
  });
});
