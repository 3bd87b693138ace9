import type { MyWorkResponse, SqlResponse } from '@presales/contracts';
import { quoteTotals, type QuoteLine } from '@presales/domain/quote-arithmetic';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSuite, watchPage } from './browser-suite.js';
import { chromiumSkipReason } from './chromium.js';
import { chooseLanguage, leftoverEnglish, signInThroughForm, visibleText } from './dashboard-page.js';
import { apiFetch, bearerFor, untilCaughtUp } from './platform-process.js';
import { ANA, harbourDeal } from './workspace-records.js';

const skip = chromiumSkipReason('the quote builder, the tender board and the time sheet in Chromium');
const OPPORTUNITY = 'opp-wt-1';
const DAY = 86_400_000;

/**
 * Decision 0039: the quote builder (totals on screen = the server's), the revise chain (each
 * part once, a lost answer retried), the tender board (a card moves when its bid is decided) and
 * the time sheet (hours recorded, My work's week total moves), through the UI as Ana (presales)
 * and Mia (manager, the approver).
 */
describe.skipIf(skip !== undefined)('the quote builder, the tender board and the time sheet in Chromium', () => {
  let page: Page;
  let sales: Record<string, string>;
  let manager: Record<string, string>;
  let ana: Record<string, string>;
  const problems: string[] = [];
  let quoteId = '';

  const post = async (path: string, body: unknown, headers: Record<string, string>) => {
    const response = await apiFetch(`${suite.platform.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
  };
  const get = async <T>(path: string, headers: Record<string, string>) =>
    (await (await apiFetch(`${suite.platform.url}${path}`, { headers })).json()) as T;
  const sql = async (statement: string) =>
    (await (
      await apiFetch(`${suite.platform.url}api/sql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sql: statement }),
      })
    ).json()) as SqlResponse;
  /** What the totals panel shows, by row: the exact amounts it holds. */
  const shownTotals = () =>
    page.$$eval('[data-panel=totals] [data-total]', (cells) =>
      Object.fromEntries(cells.map((cell) => [cell.getAttribute('data-total'), cell.getAttribute('data-amount')])),
    );
  /** Waits for a chain of parts to end; a partial one fails the test with what each part answered. */
  const chainDone = async (on: Page = page) => {
    await on.waitForSelector('[data-chain-done], [data-chain-partial]');
    if ((await on.$('[data-chain-partial]')) !== null)
      throw new Error(`the chain stopped: ${await on.textContent('[data-panel=parts]')}`);
  };
  const fillLine = async (index: number, line: Omit<QuoteLine, 'lineId' | 'productLine'>) => {
    for (const [field, value] of Object.entries(line))
      await page.fill(`[data-field="lines.${index}.${field}"]`, String(value));
  };

  const suite = browserSuite({
    prepare: async (platform) => {
      sales = await bearerFor(platform.url, 'sales', 'bo');
      manager = await bearerFor(platform.url, 'manager', 'mia');
      ana = await bearerFor(platform.url, 'presales', 'ana');
      await post('api/consultants', ANA, manager);
      await post('api/opportunities', harbourDeal(OPPORTUNITY), sales);
      for (const [tenderId, days] of [
        ['T-wt-1', 12],
        ['T-wt-2', 2],
      ] as const)
        await post(
          'api/tenders',
          {
            tenderId,
            opportunityId: OPPORTUNITY,
            kind: 'rfp',
            issuer: 'Harbour Port Authority',
            deadline: new Date(Date.now() + days * DAY).toISOString(),
          },
          sales,
        );
      // Ana works on the deal in the war room of the big tender: that makes her involved in it.
      await post(
        'api/war-rooms',
        {
          warRoomId: 'wr-wt-1',
          opportunityId: OPPORTUNITY,
          tenderId: 'T-wt-1',
          commanderId: 'mia',
          memberIds: ['ana'],
          allocationPct: 60,
          reason: 'strategic port tender',
        },
        manager,
      );
      await untilCaughtUp(platform.url, 30_000);
    },
    timeoutMs: 180_000,
  });
  beforeAll(async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    watchPage(page, problems, (message) => message.text().includes('Failed to load resource'));
  });

  it('drafts a quote and revises it in the builder: the totals on screen are the server’s, a lost answer is retried without a second revision', async () => {
    await page.goto(`${suite.platform.url}work/quotes?opportunityId=${OPPORTUNITY}`);
    await page.waitForURL(/\/sign-in/);
    await signInThroughForm(page, 'ana', 'e2e-password-ana');
    await page.waitForSelector('form[data-form=quote]');
    quoteId = await page.inputValue('[data-field=quoteId] input');
    expect(await page.textContent('[data-field=opportunityId] .el-select__wrapper')).toContain(OPPORTUNITY);
    await fillLine(0, {
      sku: 'ERP-CORE',
      description: 'Core licence',
      quantity: '3',
      unitPrice: '1000.005',
      unitCost: '600',
      discountPct: '12.5',
    });
    await page.click('[data-action=add-line]');
    await fillLine(1, {
      sku: 'SVC',
      description: 'Implementation services',
      quantity: '10',
      unitPrice: '800',
      unitCost: '500',
      discountPct: '0',
    });
    // The domain's own rounding: each line half up to the fen, then summed.
    await page.waitForSelector('[data-total=total][data-amount="10625.01"]');
    expect(await shownTotals()).toMatchObject({ total: '10625.01', margin: '3825.01', marginPct: '36.00' });
    await page.click('[data-action=draft-quote]');
    await chainDone();
    await page.click('[data-action=quote-next]');
    await page.waitForURL(new RegExp(`/work/quotes/${quoteId}$`));
    await page.waitForSelector('[data-list=revisions] [data-revision="0"]');

    // Revision 1: a deeper discount on the licence and a training line; the diff says so.
    await page.fill('[data-field="lines.0.discountPct"]', '15');
    await page.click('[data-action=add-line]');
    await fillLine(2, {
      sku: 'TRN',
      description: 'Key-user training',
      quantity: '2',
      unitPrice: '1200',
      unitCost: '900',
      discountPct: '0',
    });
    await page.waitForSelector('[data-panel=diff] [data-change=added][data-line=l3]');
    expect(
      await page.$$eval('[data-panel=diff] [data-change]', (items) =>
        items.map((item) => `${item.getAttribute('data-change')}:${item.getAttribute('data-line')}`),
      ),
    ).toEqual(['changed:l1', 'added:l3']);
    expect(await page.textContent('[data-panel=diff] [data-change=changed] [data-field=discountPct]')).toContain(
      '12.5 → 15',
    );
    const onScreen = await shownTotals();
    await page.fill('[data-field=reason] input', 'Deeper licence discount, training added');
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-quote-builder-en-1280.png'), fullPage: true });

    // The network drops the answer to the revision once: the API recorded it, the browser never heard.
    let dropped = false;
    await page.route(`**/api/quotes/${quoteId}/revisions`, async (route) => {
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await page.click('[data-action=revise-quote]');
    await page.waitForSelector('[data-chain-partial]');
    expect(
      await page.$$eval('[data-panel=parts] li', (items) => items.map((item) => item.getAttribute('data-status'))),
    ).toEqual(['failed', 'pending']);
    await page.click('[data-action=revise-quote]');
    await chainDone();

    // The server's state gives the totals the screen showed, and derived the margin it showed.
    const state = await get<{ state: { revisions: { lines: QuoteLine[]; approval: string }[] } }>(
      `api/quotes/${quoteId}`,
      ana,
    );
    expect(state.state.revisions).toHaveLength(2);
    expect(state.state.revisions[1]!.approval).toBe('requested');
    const server = quoteTotals(state.state.revisions[1]!.lines, 'CNY');
    expect(onScreen).toEqual({
      listPrice: server.listPrice.amount,
      discount: server.discount.amount,
      total: server.total.amount,
      cost: server.cost.amount,
      margin: server.margin.amount,
      marginPct: server.marginPct,
    });
    const events = await sql(
      `SELECT type, actor_id, count() AS n FROM events WHERE stream_id = 'quote-${quoteId}' GROUP BY type, actor_id ORDER BY type`,
    );
    expect(events.rows.map((row) => [row['type'], row['actor_id'], Number(row['n'])])).toEqual([
      ['QuoteApprovalRequested', 'ana', 1],
      ['QuoteDrafted', 'ana', 1],
      ['QuoteRevised', 'ana', 1],
    ]);
    const requested = await sql(`SELECT toString(margin_pct) AS m FROM quote_approval_requested FINAL`);
    expect(Number(requested.rows[0]!['m'])).toBe(Number(onScreen['marginPct']));
    expect(problems).toEqual([]);
  }, 180_000);

  it('shows the approver the margin against the threshold; approved, the engineer sends it', async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const approver = await context.newPage();
    await approver.goto(`${suite.platform.url}work`);
    await approver.waitForURL(/\/sign-in/);
    await signInThroughForm(approver, 'mia', 'e2e-password-mia');
    await approver.waitForSelector('[data-list=work] [data-kind=quote_approval] [data-act]');
    await approver.click('[data-list=work] [data-kind=quote_approval] [data-act]');
    // The panel shows before the threshold has loaded (standing "none"): the standing is read once it has.
    await approver.waitForSelector('[data-panel=approval]:not([data-standing=none])');
    expect(await approver.getAttribute('[data-panel=approval]', 'data-standing')).toBe('meets');
    expect(await approver.textContent('[data-panel=approval]')).toMatch(
      /Margin 33\.59 % against the approval threshold of 30 %/,
    );
    await approver.screenshot({ path: join(ARTIFACTS, 'workspace-quote-approval-en-1280.png'), fullPage: true });
    await approver.click('[data-action=approve]');
    await chainDone(approver);
    await context.close();

    await page.goto(`${suite.platform.url}work/quotes/${quoteId}`);
    await page.waitForSelector('[data-action=send-quote]');
    await page.click('[data-action=send-quote]');
    await chainDone();
    const sent = await sql(
      `SELECT type, actor_id FROM events WHERE stream_id = 'quote-${quoteId}' AND type IN ('QuoteApproved', 'QuoteSentToCustomer') ORDER BY type`,
    );
    expect(sent.rows.map((row) => [row['type'], row['actor_id']])).toEqual([
      ['QuoteApproved', 'mia'],
      ['QuoteSentToCustomer', 'ana'],
    ]);
  }, 120_000);

  it('lets the approver reject a revision in the builder, with the reason the domain requires', async () => {
    // Ana revises the sent quote again: a deeper discount, approval asked in the same step.
    await page.goto(`${suite.platform.url}work/quotes/${quoteId}`);
    await page.waitForSelector('[data-list=revisions] [data-revision="1"]');
    await page.fill('[data-field="lines.1.discountPct"]', '20');
    await page.fill('[data-field=reason] input', 'Services discount asked by procurement');
    await page.click('[data-action=revise-quote]');
    await chainDone();

    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const approver = await context.newPage();
    watchPage(approver, problems, (message) => message.text().includes('Failed to load resource'));
    await approver.goto(`${suite.platform.url}work`);
    await approver.waitForURL(/\/sign-in/);
    await signInThroughForm(approver, 'mia', 'e2e-password-mia');
    await approver.waitForSelector('[data-list=work] [data-kind=quote_approval] [data-act]');
    await approver.click('[data-list=work] [data-kind=quote_approval] [data-act]');
    await approver.waitForSelector('[data-panel=approval] [data-action=reject]');
    // No reason, no rejection: the field says so and nothing is sent.
    await approver.click('[data-action=reject]');
    expect(await approver.textContent('[data-problem=rejectReason]')).toContain('Required');
    await approver.fill('[data-field=rejectReason] input', 'Below the margin we agreed for services');
    await approver.screenshot({ path: join(ARTIFACTS, 'workspace-quote-reject-en-1280.png'), fullPage: true });
    await approver.click('[data-action=reject]');
    await chainDone(approver);
    await context.close();

    const rejected = await sql(
      `SELECT type, actor_id FROM events WHERE stream_id = 'quote-${quoteId}' AND type = 'QuoteApprovalRejected'`,
    );
    expect(rejected.rows.map((row) => [row['type'], row['actor_id']])).toEqual([['QuoteApprovalRejected', 'mia']]);
    const state = await get<{ state: { revisions: { approval: string }[] } }>(`api/quotes/${quoteId}`, ana);
    expect(state.state.revisions.map((revision) => revision.approval)).toEqual([
      'not_requested',
      'approved',
      'rejected',
    ]);
    // Ana's builder shows the revision rejected: she revises again, nothing is left to send.
    await page.goto(`${suite.platform.url}work/quotes/${quoteId}`);
    await page.waitForSelector('[data-list=revisions] [data-revision="2"]');
    expect(await page.textContent('[data-list=revisions] [data-revision="2"]')).toContain('Approval rejected');
    expect(await page.$$('[data-action=send-quote]')).toHaveLength(0);
  }, 120_000);

  it('shows tenders on the board by stage, opens one with the keyboard, and moves it when its bid is decided', async () => {
    await page.goto(`${suite.platform.url}work/tenders`);
    await page.waitForSelector('[data-stage=received] [data-tender=T-wt-1]');
    // Soonest deadline first; the first card holds the focus the arrows move.
    expect(
      await page.$$eval('[data-stage=received] [data-tender]', (cards) =>
        cards.map((card) => card.getAttribute('data-tender')),
      ),
    ).toEqual(['T-wt-2', 'T-wt-1']);
    await page.focus('[data-tender=T-wt-2]');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\?tender=T-wt-1/);
    await page.waitForSelector('[data-panel=tender][data-tender=T-wt-1] [data-panel=war-room]');
    expect(
      await page.$$eval('[data-panel=war-room] [data-member]', (rows) =>
        rows.map((row) => row.getAttribute('data-member')),
      ),
    ).toEqual(['ana', 'mia']);
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-tender-board-en-1280.png'), fullPage: true });
    await post('api/tenders/T-wt-1/bid-decisions', { decision: 'bid', rationale: 'strong fit', score: 75 }, manager);
    // Live: the card moves without a reload.
    await page.waitForSelector('[data-stage=decided] [data-tender=T-wt-1]', { timeout: 30_000 });
    expect(await page.$$('[data-stage=received] [data-tender=T-wt-1]')).toHaveLength(0);
    // A tender with its war room shows the war room, not the team.
    expect(await page.$$('[data-panel=team]')).toHaveLength(0);

    // Peacetime: a tender without a war room, or none open, shows the team's load and who writes for what.
    await post(
      'api/tenders/T-wt-1/section-assignments',
      {
        sectionId: 'S-arch',
        title: 'Architecture',
        assigneeId: 'ana',
        dueAt: new Date(Date.now() + DAY).toISOString(),
      },
      manager,
    );
    await page.click('[data-tender=T-wt-2]');
    await page.waitForSelector('[data-panel=tender][data-tender=T-wt-2] [data-panel=team]');
    await page.waitForSelector('[data-panel=team] [data-team=team-east] [data-consultant=ana] [data-writing=T-wt-1]');
    expect(await page.textContent('[data-consultant=ana] [data-writing=T-wt-1]')).toBe('T-wt-1 · 1 assigned');
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-tender-board-team-en-1280.png'), fullPage: true });
    // From the team, a tender opens with its war room again.
    await page.click('[data-consultant=ana] [data-writing=T-wt-1]');
    await page.waitForSelector('[data-panel=tender][data-tender=T-wt-1] [data-panel=war-room]');
  }, 120_000);

  it('records a week’s hours from the time sheet, once per cell, and My work’s week total moves', async () => {
    const before = (await get<MyWorkResponse>('api/workspace/my-work', ana)).week.totalHours;
    await page.goto(`${suite.platform.url}work/time`);
    await page.waitForSelector('form[data-form=time-sheet] [data-empty]');
    // The new row starts on the current opportunity (the quote's); the category is chosen by keyboard.
    expect(await page.textContent('[data-field=newOpportunity] .el-select__wrapper')).toContain(OPPORTUNITY);
    await page.click('[data-field=newCategory] .el-select__wrapper');
    await page.keyboard.type('custom');
    await page.keyboard.press('Enter');
    await page.click('[data-action=add-row]');
    const today = (new Date().getUTCDay() + 6) % 7;
    await page.waitForSelector('[data-cell="0.0"]');
    await page.focus('[data-cell="0.0"]');
    for (let day = 0; day < today; day += 1) await page.keyboard.press('ArrowRight');
    await page.keyboard.type('2.5');
    await page.keyboard.press('Enter');
    await chainDone();
    // The sheet is read again: the cell now shows what is recorded.
    await page.waitForSelector(
      `[data-row="${OPPORTUNITY}|customer_facing"] [data-cell="0.${today}"][data-recorded="2.5"]`,
    );
    expect(await page.inputValue(`[data-cell="0.${today}"]`)).toBe('2.5');
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-time-sheet-en-1280.png'), fullPage: true });
    // Saving again changes nothing: the cell shows what is recorded.
    await page.click('[data-action=save-time]');
    await page.waitForSelector('[data-problem=form]');
    const logged = await sql(
      `SELECT count() AS n, sum(hours) AS h FROM time_logged FINAL WHERE entity_id = 'ana' AND category = 'customer_facing'`,
    );
    expect([Number(logged.rows[0]!['n']), Number(logged.rows[0]!['h'])]).toEqual([1, 2.5]);
    await untilCaughtUp(suite.platform.url, 30_000);
    const after = (await get<MyWorkResponse>('api/workspace/my-work', ana)).week.totalHours;
    expect(after).toBe(before + 2.5);
    await page.click('[data-nav=myWork]');
    await page.waitForSelector('[data-list=counts]');
    expect(await page.textContent('.my-work-view')).toContain(`${after} h logged`);
  }, 120_000);

  it('shows the builder, the board and the time sheet in English and 简体中文 at 1280 and 768 px, no English left in Chinese, no sideways scrolling', async () => {
    for (const language of ['English', '简体中文'] as const) {
      await page.goto(`${suite.platform.url}work`);
      await page.waitForSelector('[data-list=counts]');
      await chooseLanguage(page, language);
      const lang = language === 'English' ? 'en' : 'zh';
      for (const [name, path, ready] of [
        ['quote-builder', `work/quotes/${quoteId}?base=0`, '[data-panel=diff]'],
        ['tender-board', 'work/tenders?tender=T-wt-1', '[data-panel=war-room]'],
        ['tender-board-team', 'work/tenders', '[data-panel=team] [data-consultant=ana]'],
        ['time-sheet', 'work/time', '[data-cell="0.0"]'],
      ] as const) {
        await page.setViewportSize({ width: 1280, height: 900 });
        await page.goto(`${suite.platform.url}${path}`);
        await page.waitForSelector(ready);
        await page.waitForTimeout(300);
        if (language === '简体中文')
          expect(
            leftoverEnglish(await visibleText(page), [
              'ana',
              'Ana',
              'mia',
              'Harbour Port Authority',
              'Harbour ERP',
              'Harbour Logistics',
              'Core licence',
              'Implementation services',
              'Key-user training',
              'team-east',
              quoteId,
            ]),
            `${name} in Chinese`,
          ).toEqual([]);
        for (const width of [1280, 768]) {
          await page.setViewportSize({ width, height: 900 });
          await page.waitForTimeout(200);
          await page.screenshot({ path: join(ARTIFACTS, `workspace-${name}-${lang}-${width}.png`), fullPage: true });
          expect(
            await page.evaluate(() => document.documentElement.scrollWidth),
            `${name} at ${width}`,
          ).toBeLessThanOrEqual(width);
          // The quote's lines stay readable: no value is cut off in its input.
          if (name === 'quote-builder')
            expect(
              await page.$$eval('[data-part=lines] input', (inputs) =>
                (inputs as HTMLInputElement[])
                  .filter((input) => input.scrollWidth > input.clientWidth + 1)
                  .map((input) => input.value),
              ),
              `quote lines clipped at ${width}`,
            ).toEqual([]);
        }
      }
    }
    await chooseLanguage(page, 'English');
    expect(problems).toEqual([]);
  }, 240_000);
});
