import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import type { Browser, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { chromiumSkipReason, launchChromium } from './chromium.js';
import { postJson, startPlatform, tempDataDir, type PlatformProcess } from './platform-process.js';

const skip = chromiumSkipReason('the dashboard in Chromium');
const SCREENSHOTS = join(__dirname, '..', '..', '..', 'test-results');

describe.skipIf(skip !== undefined)('the dashboard in Chromium', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  let browser: Browser;
  let page: Page;
  const pageErrors: string[] = [];

  beforeAll(async () => {
    platform = await startPlatform(data.dir);
    browser = await launchChromium();
    page = await browser.newPage({ viewport: { width: 1280, height: 800 } });
    page.on('pageerror', (error) => pageErrors.push(error.message));
    mkdirSync(SCREENSHOTS, { recursive: true });
  });
  afterAll(async () => {
    await browser?.close();
    await platform?.stop();
    data.remove();
  });

  it('shows "no data" on an empty store and healthy engines', async () => {
    await page.goto(platform.url);
    await page.waitForSelector('#tenders-summary[data-total="0"]');
    expect(await page.textContent('#tenders-summary')).toContain('No tenders recorded yet');
    await page.waitForSelector('#health[data-status="ok"]');
    expect(await page.textContent('#health')).toContain('analytics chdb');
  });

  it('records a tender through the form and the chart updates', async () => {
    await page.fill('input[name=tenderId]', 'T-UI-1');
    await page.fill('input[name=opportunityId]', 'O-UI');
    await page.selectOption('select[name=kind]', 'tender');
    await page.fill('input[name=issuer]', 'Shenzhen Metro 深圳地铁');
    await page.fill('input[name=deadline]', '2026-09-30T17:00');
    await page.fill('input[name=receivedAt]', '2026-09-01T09:00');
    await page.click('button[type=submit]');
    await page.waitForSelector('#record-result[data-kind="ok"]');
    expect(await page.textContent('#record-result')).toContain('Recorded tender-T-UI-1');
    await page.waitForSelector('#tenders-summary[data-total="1"]');
    // The bar's label is SVG text drawn by ECharts.
    await page.waitForFunction(() => [...document.querySelectorAll('#tenders-chart svg text')].some((t) => t.textContent === '2026-09'));
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-after-record.png'), fullPage: true });
  });

  it('shows a tender recorded through the API after a reload', async () => {
    const response = await postJson(`${platform.url}api/tenders`, { tenderId: 'T-API-2', opportunityId: 'O-UI', kind: 'rfp', issuer: 'Bank', deadline: '2026-10-30T00:00:00Z', receivedAt: '2026-09-15T00:00:00Z' });
    expect(response.status).toBe(201);
    await page.reload();
    await page.waitForSelector('#tenders-summary[data-total="2"]');
    const labels = await page.$$eval('#tenders-chart svg text', (texts) => texts.map((t) => t.textContent));
    expect(labels).toContain('2');
  });

  it('shows the PDCA scorecard of every KPI and the maturity of every area', async () => {
    await page.fill('#scorecard-form input[name=period]', '2026-Q3');
    await page.click('#scorecard-form button[type=submit]');
    await page.waitForSelector('#scorecard-summary[data-lines="28"]');
    expect(await page.$$eval('#scorecard tbody tr', (rows) => rows.length)).toBe(28);
    expect(await page.textContent('#scorecard tbody tr:first-child')).toContain('Win rate · 赢单率');
    expect(await page.getAttribute('#scorecard tbody tr:first-child a', 'href')).toMatch(/^\/api\/kpis\/win_rate\/units\?period=2026-Q3/);
    await page.waitForFunction(() => [...document.querySelectorAll('#maturity-chart svg text')].some((t) => t.textContent === 'requirements'));
    await page.screenshot({ path: join(SCREENSHOTS, 'dashboard-scorecard.png'), fullPage: true });
  });

  it('explains a rejected tender next to the form', async () => {
    await page.fill('input[name=tenderId]', 'bad id!');
    await page.fill('input[name=opportunityId]', 'O-UI');
    await page.fill('input[name=issuer]', 'Somebody');
    await page.fill('input[name=deadline]', '2026-09-30T17:00');
    await page.click('button[type=submit]');
    await page.waitForSelector('#record-result[data-kind="error"]');
    expect(await page.textContent('#record-result')).toMatch(/tenderId = "bad id!": must match/);
    expect(await page.getAttribute('#tenders-summary', 'data-total')).toBe('2');
    expect(pageErrors).toEqual([]);
  });
});
