import type { ApiErrorBody, SqlResponse, SqlSchemaResponse } from '@presales/contracts';
import { parse } from 'csv-parse/sync';
import { readFileSync, writeFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { signInToApi, type ApiSession } from './api-session.js';
import { ARTIFACTS, browserSuite, watchPage } from './browser-suite.js';
import { chromiumSkipReason } from './chromium.js';
import { chooseLanguage, signInThroughForm, visibleText } from './dashboard-page.js';
import { runUntilExit, untilCaughtUp } from './platform-process.js';

const skip = chromiumSkipReason('the SQL workbench in Chromium');
const DEMO_PASSWORD = 'demo-workbench-test-1';
const BY_KIND = 'SELECT kind, count() AS n FROM tender_received FINAL GROUP BY kind ORDER BY kind';
/** 100,000 rows from one statement the gate accepts: no table function, a subquery without a table. */
const HUNDRED_THOUSAND =
  "SELECT n, n % 97 AS bucket, concat('row-', toString(n)) AS label FROM (SELECT arrayJoin(range(100000)) AS n)";

/** Replaces the editor's text as a person does: select all, type. */
async function typeSql(page: Page, sql: string): Promise<void> {
  await page.click('.sql-editor .cm-content');
  await page.keyboard.press('Control+A');
  await page.keyboard.press('Delete');
  await page.keyboard.insertText(sql);
}

async function runWithKeyboard(page: Page): Promise<void> {
  await page.click('.sql-editor .cm-content');
  await page.keyboard.press('Control+Enter');
}

/** The result panel has the answer of the statement now in the URL; a refusal fails with its reason. */
async function resultShown(page: Page): Promise<void> {
  await page.waitForSelector('[data-panel=result][data-state=ready] [data-stats], [data-refusal]', {
    timeout: 120_000,
  });
  const refusal = await page.$('[data-refusal]');
  if (refusal !== null) throw new Error(`the workbench shows a refusal: ${await refusal.textContent()}`);
}

describe.skipIf(skip !== undefined)('the SQL workbench in Chromium', () => {
  let context: BrowserContext;
  let page: Page;
  let analyst: ApiSession;
  const problems: string[] = [];
  /** What the API answers the analyst for `sql`, as JSON; anything but 200 fails with the body. */
  const answer = async <T>(sql: string, status = 200): Promise<T> => {
    const response = await analyst.post('api/sql', { sql });
    if (response.status !== status)
      throw new Error(`POST /api/sql ${sql}: ${response.status} ${await response.text()}`);
    return (await response.json()) as T;
  };

  const suite = browserSuite({
    seed: async (dataDir) => {
      // A small demo, loaded before the start so the platform starts within its timeout on a busy
      // machine; DEMO_DATA=on makes the demo accounts, one per role.
      const loaded = await runUntilExit(['demo', '--scale', '3000', '--data-dir', dataDir]);
      expect(loaded.code, loaded.output).toBe(0);
    },
    env: { DEMO_DATA: 'on', PRESALES_DEMO_PASSWORD: DEMO_PASSWORD },
    prepare: async (platform) => {
      await untilCaughtUp(platform.url, 120_000);
      analyst = await signInToApi(platform.url, 'analyst', DEMO_PASSWORD);
    },
    timeoutMs: 240_000,
  });
  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width: 1280, height: 800 }, acceptDownloads: true });
    page = await context.newPage();
    // The DROP the test sends is refused (400), as are queries that wait out the caller's one SQL slot (429).
    watchPage(
      page,
      problems,
      (message) => /\b(400|429)\b/.test(message.text()) && message.location().url.endsWith('/api/sql'),
    );
  });

  it("opens as the analyst's first view, with the schema in the reader's language", async () => {
    await page.goto(suite.platform.url);
    await page.waitForURL(/\/sign-in/);
    await signInThroughForm(page, 'analyst', DEMO_PASSWORD);
    await page.waitForURL(/\/workbench/);
    expect((await page.$$eval('[data-nav]', (links) => links.map((a) => a.getAttribute('data-nav'))))[0]).toBe(
      'workbench',
    );
    const schema = await analyst.get<SqlSchemaResponse>('api/sql/schema');
    await page.waitForSelector('[data-panel=schema] [data-table=tender_received]');
    expect(
      await page.$$eval('[data-panel=schema] [data-table]', (tables) =>
        tables.map((t) => t.getAttribute('data-table')),
      ),
    ).toEqual(schema.tables.map((table) => table.name));
    await page.fill('input[data-control=schema-search]', 'issuer');
    await page.waitForSelector('[data-table=tender_received][open] [data-column=issuer]');
    const issuer = schema.tables
      .find((table) => table.name === 'tender_received')!
      .columns.find((column) => column.name === 'issuer')!;
    const shown = await page.textContent('[data-table=tender_received] [data-column=issuer]');
    expect(shown).toContain(issuer.meaning.en);
    for (const sample of issuer.samples) expect(shown).toContain(sample);
    await page.fill('input[data-control=schema-search]', '');
  });

  it('runs a query with Ctrl+Enter and shows what the API answers, sortable', async () => {
    await typeSql(page, BY_KIND);
    await runWithKeyboard(page);
    await resultShown(page);
    const expected = await answer<SqlResponse>(BY_KIND);
    expect(new URL(page.url()).searchParams.get('sql')).toBe(BY_KIND);
    expect(Number(await page.getAttribute('.result-grid', 'data-rows'))).toBe(expected.rowCount);
    expect(await page.textContent('[data-stats]')).toContain(`${expected.rowCount} rows`);
    // The grid draws the rows it asks its worker for, a moment after the figures.
    await page.waitForSelector('.result-grid .grid-row');
    const firstColumn = () =>
      page.$$eval('.result-grid .grid-row .grid-cell:first-child', (cells) =>
        cells.map((cell) => cell.textContent?.trim()),
      );
    expect(await firstColumn()).toEqual(expected.rows.map((row) => String(row['kind'])));
    // A header click sorts the whole result by that column, then the other way.
    await page.click('.result-grid .grid-header-cell >> text="n"');
    await page.waitForSelector('.result-grid[data-sort="n:asc"]');
    const ascending = [...expected.rows]
      .sort((a, b) => Number(a['n']) - Number(b['n']) || 0)
      .map((row) => String(row['kind']));
    expect(await firstColumn()).toEqual(ascending);
  });

  it('charts the result and shares it as a link that opens the same chart', async () => {
    await page.click('.el-tabs__item:has-text("Chart")');
    await page.waitForSelector('[data-chart="bar:kind:n:"] svg');
    await page.click('[data-control=chart-kind]');
    await page.click('.el-select-dropdown__item:visible:has-text("Line")');
    await page.waitForSelector('[data-chart="line:kind:n:"] svg path');
    expect(new URL(page.url()).searchParams.get('chart')).toBe('line~kind~n~');
    const link = await page.inputValue('input[data-control=share-link]');
    expect(new URL(link).searchParams.get('sql')).toBe(BY_KIND);
    const shared = await context.newPage();
    await shared.goto(link);
    await shared.waitForSelector('[data-chart="line:kind:n:"] svg path', { timeout: 120_000 });
    await shared.close();
  });

  it('exports the result as a CSV file with the rows the API answers', async () => {
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export-csv]')]);
    expect(download.suggestedFilename()).toMatch(/^presales-sql-.*\.csv$/);
    const file = readFileSync((await download.path())!, 'utf8');
    const expected = await answer<SqlResponse>(BY_KIND);
    expect(parse(file)).toEqual([
      ['kind', 'n'],
      ...expected.rows.map((row) => [String(row['kind']), String(row['n'])]),
    ]);
    const [excel] = await Promise.all([page.waitForEvent('download'), page.click('[data-action=export-excel]')]);
    expect([...readFileSync((await excel.path())!).subarray(0, 3)]).toEqual([0xef, 0xbb, 0xbf]);
  });

  it('saves the query, and reopens it from the saved list', async () => {
    await page.click('[data-action=save]');
    await page.fill('input[data-field=name]', '招标 by kind');
    await page.fill('textarea[data-field=description]', 'Tenders received, by kind');
    await page.click('[data-field=visibility] label:has-text("All analysts")');
    await page.click('[data-action=save-new]');
    await page.waitForURL(/saved=[0-9a-f-]{36}/);
    const savedId = new URL(page.url()).searchParams.get('saved')!;
    const stored = await analyst.get<{
      latest: { sql: string; chart: string | null; version: number };
      visibility: string;
    }>(`api/sql/saved/${savedId}`);
    expect(stored).toMatchObject({ visibility: 'team', latest: { sql: BY_KIND, chart: 'line~kind~n~', version: 1 } });

    await page.goto(`${suite.platform.url}workbench`);
    await typeSql(page, 'SELECT 1');
    await page.click('.el-tabs__item:has-text("Saved")');
    await page.click('[data-saved="招标 by kind"] [data-action=open-saved]');
    await resultShown(page);
    expect(new URL(page.url()).searchParams.get('saved')).toBe(savedId);
    expect(await page.textContent('.sql-editor .cm-content')).toBe(BY_KIND);
    await page.waitForSelector('[data-chart="line:kind:n:"] svg path');
  });

  it('shows a DROP refused inline with the reason the API gives', async () => {
    const drop = 'DROP TABLE tender_received';
    await typeSql(page, drop);
    await runWithKeyboard(page);
    await page.waitForSelector('[data-state=refused] [data-refusal]');
    const refusal = await answer<ApiErrorBody>(drop, 400);
    expect(await page.textContent('[data-refusal]')).toContain(refusal.error.message);
    await page.click('.el-tabs__item:has-text("History")');
    await page.waitForSelector('[data-list=history] [data-outcome=refused]');
  });

  it('is in both languages at 1280 and 768 px (screenshots under test/artifacts)', async () => {
    await typeSql(page, BY_KIND);
    await runWithKeyboard(page);
    await resultShown(page);
    await page.click('.el-tabs__item:has-text("Schema")');
    await page.click('[data-table=tender_received] summary');
    for (const language of ['English', '简体中文'] as const) {
      await chooseLanguage(page, language);
      const lang = language === 'English' ? 'en' : 'zh';
      if (lang === 'zh') expect(await visibleText(page)).toContain('发标方');
      for (const width of [1280, 768]) {
        await page.setViewportSize({ width, height: 900 });
        await page.waitForTimeout(300);
        await page.screenshot({ path: join(ARTIFACTS, `workbench-${lang}-${width}.png`), fullPage: true });
        expect(
          await page.evaluate(() => document.documentElement.scrollWidth),
          `workbench at ${width}`,
        ).toBeLessThanOrEqual(width);
      }
    }
    await page.setViewportSize({ width: 1280, height: 800 });
    await chooseLanguage(page, 'English');
    expect(problems).toEqual([]);
  }, 180_000);

  it('renders, scrolls and sorts 100,000 rows, only those in view in the page (blocking time reported in docs/benchmarks.md)', async () => {
    await page.evaluate(() => {
      const tasks: number[] = [];
      (window as unknown as { longTasks: number[] }).longTasks = tasks;
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) tasks.push(entry.duration);
      }).observe({ type: 'longtask', buffered: false });
    });
    const phase = async () =>
      await page.evaluate(() => (window as unknown as { longTasks: number[] }).longTasks.splice(0));
    // The table first, the chart as a phase of its own: each phase's tasks are its own.
    await page.$('[data-panel=result] .el-tabs__item:has-text("Table")').then((tab) => tab?.click());
    await typeSql(page, HUNDRED_THOUSAND);
    await page.waitForTimeout(300);
    await phase();
    await runWithKeyboard(page);
    await resultShown(page);
    await page.waitForSelector('.result-grid[data-rows="100000"] .grid-row');
    const render = await phase();
    // A page of 100,000 rows, all in one virtualized table.
    await page.click('.el-pagination .el-select');
    await page.click('.el-select-dropdown__item:visible:has-text("100000")');
    await page.waitForTimeout(500);
    const pageSize = await phase();
    const body = (await page.$('.result-grid .grid-body'))!;
    const box = (await body.boundingBox())!;
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2);
    for (let step = 0; step < 40; step += 1) {
      await page.mouse.wheel(0, 4000);
      await page.waitForTimeout(25);
    }
    const scroll = await phase();
    // Only the rows in view are in the document, whatever the result's size.
    expect(await page.$$eval('.result-grid .grid-row', (rows) => rows.length)).toBeLessThan(100);
    await page.click('.result-grid .grid-header-cell >> text="label"');
    await page.waitForSelector('.result-grid[data-sort="label:asc"]');
    await page.waitForTimeout(300);
    const sort = await phase();
    expect(
      await page.$$eval('.result-grid .grid-row .grid-cell:nth-child(3)', (cells) => cells[0]?.textContent?.trim()),
    ).toBe('row-0');
    await page.click('[data-panel=result] .el-tabs__item:has-text("Chart")');
    await page.waitForSelector('[data-chart^="bar:"] svg path');
    await page.waitForTimeout(300);
    const chart = await phase();
    // The blocking time depends on how busy the machine is, so it is recorded with the load
    // average and reported (docs/benchmarks.md), not held to the 100 ms target here.
    const report = { rows: 100_000, loadAverage: loadavg()[0], longTasksMs: { render, pageSize, scroll, sort, chart } };
    writeFileSync(join(ARTIFACTS, 'workbench-100k.json'), `${JSON.stringify(report, null, 2)}\n`);
    console.log(`workbench 100k rows: ${JSON.stringify(report)}`);
  }, 240_000);
});
