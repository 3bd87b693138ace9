import type { MyWorkResponse, ScorecardResponse, SqlResponse } from '@presales/contracts';
import { writeFileSync } from 'node:fs';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { beforeAll, describe, expect, it } from 'vitest';
import { ARTIFACTS, browserSuite } from './browser-suite.js';
import { chromiumSkipReason } from './chromium.js';
import { chooseLanguage, leftoverEnglish, signInThroughForm, visibleText } from './dashboard-page.js';
import { apiFetch, bearerFor } from './platform-process.js';
import { ANA, harbourDeal } from './workspace-records.js';
import { Recorder, localInput } from './workspace-recorder.js';

const skip = chromiumSkipReason('the presales workspace in Chromium');
const OPPORTUNITY = 'opp-ws-1';
const QUARTER = `${new Date().getUTCFullYear()}-Q${Math.floor(new Date().getUTCMonth() / 3) + 1}`;

describe.skipIf(skip !== undefined)('the presales engineer’s workspace in Chromium', () => {
  let page: Page;
  let sales: Record<string, string>;
  let manager: Record<string, string>;
  const problems: string[] = [];
  const measured: {
    name: string;
    seconds: number;
    clicks: number;
    keys: number;
    submissions: number;
    commands: number;
  }[] = [];

  const post = async (path: string, body: unknown, headers: Record<string, string>) => {
    const response = await apiFetch(`${suite.platform.url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (response.status !== 201) throw new Error(`${path}: ${response.status} ${await response.text()}`);
    return (await response.json()) as { revision: string };
  };
  const sql = async (statement: string) =>
    (await (
      await apiFetch(`${suite.platform.url}api/sql`, {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify({ sql: statement }),
      })
    ).json()) as SqlResponse;
  const scorecard = async () =>
    (await (
      await apiFetch(`${suite.platform.url}api/kpis/scorecard?period=${QUARTER}`, { headers: manager })
    ).json()) as ScorecardResponse;
  const saveMeasured = () => saveMeasuredTo(measured);
  /** The generated form's field holding the focus, by its path. */
  const focusedField = () =>
    page.evaluate(() => document.activeElement?.closest('[data-field]')?.getAttribute('data-field') ?? null);
  const actual = (card: ScorecardResponse, kpiId: string) =>
    card.lines.find((line) => line.kpiId === kpiId)?.do.actual ?? null;

  const suite = browserSuite({
    prepare: async (platform) => {
      // The people: Ana (presales, signs in to the browser), Bo (sales, owns the deal), Mia (manager).
      sales = await bearerFor(platform.url, 'sales', 'bo');
      manager = await bearerFor(platform.url, 'manager', 'mia');
      await bearerFor(platform.url, 'presales', 'ana');
      await post('api/consultants', ANA, manager);
      await post('api/opportunities', harbourDeal(OPPORTUNITY), sales);
      await post(
        `api/opportunities/${OPPORTUNITY}/support-requests`,
        {
          requestId: 'sr-1',
          requestedBy: 'bo',
          kind: 'demo',
          productLine: 'erp',
          dueAt: new Date(Date.now() + 4 * 3_600_000).toISOString(),
        },
        sales,
      );
    },
    timeoutMs: 180_000,
  });
  beforeAll(async () => {
    const context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    page = await context.newPage();
    page.on('pageerror', (error) => problems.push(`pageerror: ${error.message}`));
  });

  it('records a chain through the UI: support acknowledged, a demo scheduled, then one exchange form (demo held, two requirements, time, next step)', async () => {
    const before = await scorecard();
    const act = new Recorder(page);
    await page.goto(`${suite.platform.url}work`);
    await page.waitForURL(/\/sign-in/);
    await signInThroughForm(page, 'ana', 'e2e-password-ana');
    await page.waitForURL(/\/work$/);
    await page.waitForSelector('[data-list=work] [data-kind=support_request]');
    expect(await page.getAttribute('[data-list=counts] [data-kind=support_request]', 'data-count')).toBe('1');
    // Counts are live: Bo asks for more support, and Ana's inbox shows it without a reload.
    await post(
      `api/opportunities/${OPPORTUNITY}/support-requests`,
      {
        requestId: 'sr-2',
        requestedBy: 'bo',
        kind: 'rfp',
        productLine: 'erp',
        dueAt: new Date(Date.now() + 8 * 3_600_000).toISOString(),
      },
      sales,
    );
    await page.waitForSelector('[data-list=counts] [data-kind=support_request][data-count="2"]');
    expect(
      await page.$$eval('[data-list=work] [data-kind=support_request]', (items) =>
        items.map((item) => item.getAttribute('data-item')),
      ),
    ).toEqual(['sr-1', 'sr-2']);
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-my-work-en-1280.png'), fullPage: true });
    const started = Date.now();

    // 1. From My work: the support request, acknowledged by its prefilled form (me, the request).
    await act.click('[data-list=work] [data-kind=support_request] [data-act]');
    await page.waitForSelector('form[data-command=AcknowledgePresalesSupport] [data-revision]');
    expect(await page.textContent('[data-field=requestId] .el-select__wrapper')).toContain('sr-1');
    await act.click('[data-action=record]');
    await page.waitForSelector('[data-recorded]');

    // 2. The palette: schedule the demo on my current opportunity (remembered from the form above).
    await page.keyboard.press('Control+k');
    act.keys += 1;
    await page.waitForSelector('input[data-palette-input]');
    await act.type('schedule');
    await act.press('Enter');
    await page.waitForSelector('form[data-command=ScheduleActivity]');
    expect(await page.textContent('[data-field=opportunityId] .el-select__wrapper')).toContain(OPPORTUNITY);
    await act.choose('kind', 'dem', 'demo');
    await act.fill('[data-field=scheduledFor] input', localInput(Date.now() + 3_600_000));
    await act.fill('[data-field=plannedHours] input', '2');
    await act.click('[data-action=record]');
    await page.waitForSelector('[data-recorded]');
    const demoId = (await page.textContent('[data-recorded]'))!.match(/activity-(\S+?)\.?$/)![1]!;

    // 3. One form for the exchange: the demo held, two requirements, time, the next step.
    const exchangeStart = { at: Date.now(), clicks: act.clicks, keys: act.keys };
    await act.click('[data-nav=exchange]');
    await page.waitForSelector('form[data-form=exchange]');
    expect(await page.textContent('[data-field=opportunityId] .el-select__wrapper')).toContain(OPPORTUNITY);
    await act.click('[data-field=activityId] .el-select__wrapper');
    await page.waitForSelector(`.el-select-dropdown__item:visible[data-option="${demoId}"]`);
    await act.click(`.el-select-dropdown__item:visible[data-option="${demoId}"]`);
    await act.fill('[data-field=actualHours] input', '2.5');
    await act.choose('outcome', 'pos', 'positive');
    await act.fill('[data-field=satisfaction] input', '5');
    for (const [index, title, category, priority, fit] of [
      [0, 'Single sign-on with the customer directory', ['non', 'non_functional'], ['mu', 'must'], ['sta', 'standard']],
      [1, 'Invoices in the Golden Tax format', ['comp', 'compliance'], ['sh', 'should'], ['conf', 'configurable']],
    ] as const) {
      await act.click('[data-action=add-requirement]');
      await act.freeText(`#ex-req-${index}-title`, title);
      await act.choose(`requirements.${index}.category`, category[0], category[1]);
      await act.choose(`requirements.${index}.priority`, priority[0], priority[1]);
      await act.choose(`requirements.${index}.fit`, fit[0], fit[1]);
    }
    expect(await page.inputValue('[data-field=productLine] input')).toBe('erp');
    await act.fill('[data-field=timeHours] input', '3');
    await act.choose('nextKind', 'work', 'workshop');
    await act.fill('[data-field=nextWhen] input', localInput(Date.now() + 7 * 86_400_000));
    await act.fill('[data-field=nextHours] input', '4');

    // The network drops the answer to the time entry once: the API recorded it, the browser never heard.
    let dropped = false;
    await page.route('**/api/consultants/ana/time-entries', async (route) => {
      if (dropped) return route.continue();
      dropped = true;
      await route.fetch();
      await route.abort('connectionreset');
    });
    await act.click('[data-action=record-exchange]');
    await page.waitForSelector('[data-chain-partial]');
    const partial = await page.$$eval('[data-panel=parts] li', (items) =>
      items.map((item) => item.getAttribute('data-status')),
    );
    expect(partial).toEqual(['recorded', 'recorded', 'recorded', 'recorded', 'recorded', 'failed', 'pending']);
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-exchange-partial-en-1280.png'), fullPage: true });
    await act.click('[data-action=record-exchange]');
    await page.waitForSelector('[data-chain-done]');
    const seconds = (Date.now() - started) / 1000;
    const exchange = {
      seconds: (Date.now() - exchangeStart.at) / 1000,
      clicks: act.clicks - exchangeStart.clicks,
      keys: act.keys - exchangeStart.keys,
    };
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-exchange-done-en-1280.png'), fullPage: true });

    // Every fact in the store, once, with Ana as the actor.
    const events = await sql(
      `SELECT type, actor_id, count() AS n FROM events WHERE type IN ('PresalesSupportAcknowledged', 'ActivityScheduled', 'ActivityCompleted', 'RequirementCaptured', 'RequirementFitAssessed', 'TimeLogged') GROUP BY type, actor_id ORDER BY type`,
    );
    expect(events.rows.map((row) => [row['type'], row['actor_id'], Number(row['n'])])).toEqual([
      ['ActivityCompleted', 'ana', 1],
      ['ActivityScheduled', 'ana', 2],
      ['PresalesSupportAcknowledged', 'ana', 1],
      ['RequirementCaptured', 'ana', 2],
      ['RequirementFitAssessed', 'ana', 2],
      ['TimeLogged', 'ana', 1],
    ]);
    const completed = await sql(`SELECT customer_satisfaction, actual_hours FROM activity_completed FINAL`);
    expect(completed.rows).toEqual([{ customer_satisfaction: 5, actual_hours: 2.5 }]);

    // The manager's scorecard moved with them.
    const after = await scorecard();
    expect(actual(before, 'customer_satisfaction')).toBeNull();
    expect(actual(after, 'customer_satisfaction')).toBe(5);
    expect(actual(after, 'requirement_fit_rate')).not.toBe(actual(before, 'requirement_fit_rate'));
    expect(actual(after, 'response_sla_attainment')).not.toBe(actual(before, 'response_sla_attainment'));

    // My work: the request left, the next step is waiting, the week holds the 3 hours.
    const work = (await (
      await apiFetch(`${suite.platform.url}api/workspace/my-work`, {
        headers: await bearerFor(suite.platform.url, 'presales', 'ana'),
      })
    ).json()) as MyWorkResponse;
    expect(work.items.filter((item) => item.kind === 'support_request').map((item) => item.itemId)).toEqual(['sr-2']);
    expect(work.items.filter((item) => item.kind === 'activity_scheduled')).toHaveLength(1);
    expect(work.week.totalHours).toBe(3);

    // Measured: the whole chain (3 submissions for 9 commands) and the exchange alone (1 submission for 7, a retry included).
    measured.push({
      name: 'chain: acknowledge (My work) + schedule (palette) + customer exchange',
      seconds,
      clicks: act.clicks,
      keys: act.keys,
      submissions: 3,
      commands: 9,
    });
    measured.push({ name: 'customer exchange form alone', ...exchange, submissions: 1, commands: 7 });
    saveMeasured();
    expect(problems).toEqual([]);
  }, 240_000);

  it('responds to a tender in one form: the bid decision and two sections assigned with due dates', async () => {
    await post(
      'api/tenders',
      {
        tenderId: 'T-ws-1',
        opportunityId: OPPORTUNITY,
        kind: 'rfp',
        issuer: 'Harbour Port Authority',
        deadline: new Date(Date.now() + 14 * 86_400_000).toISOString(),
      },
      sales,
    );
    const act = new Recorder(page);
    const started = Date.now();
    await page.keyboard.press('Control+k');
    act.keys += 1;
    await page.waitForSelector('input[data-palette-input]');
    await act.type('tender');
    await act.press('Enter');
    await page.waitForSelector('form[data-form=tender-response]');
    await act.click('[data-field=tenderId] .el-select__wrapper');
    await page.waitForSelector('.el-select-dropdown__item:visible[data-option="T-ws-1"]');
    await act.click('.el-select-dropdown__item:visible[data-option="T-ws-1"]');
    await act.choose('decision', 'bid', 'bid');
    await act.fill('[data-field=score] input', '72');
    await act.freeText(
      '[data-field=rationale] input',
      'Strong fit: the demo went well and both requirements are covered',
    );
    for (const [index, title, days] of [
      [0, 'Solution architecture', 3],
      [1, 'Security and data residency', 4],
    ] as const) {
      await act.click('[data-action=add-section]');
      await act.freeText(`#tr-sec-${index}-title`, title);
      await act.fill(`[data-field="sections.${index}.dueAt"] input`, localInput(Date.now() + days * 86_400_000));
    }
    await act.click('[data-action=record-response]');
    await page.waitForSelector('[data-chain-done]');
    measured.push({
      name: 'respond to a tender (bid decision + 2 sections)',
      seconds: (Date.now() - started) / 1000,
      clicks: act.clicks,
      keys: act.keys,
      submissions: 1,
      commands: 3,
    });
    saveMeasured();
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-tender-response-en-1280.png'), fullPage: true });
    const events = await sql(
      `SELECT type, actor_id, count() AS n FROM events WHERE stream_id = 'tender-T-ws-1' AND type IN ('BidDecisionMade', 'ResponseSectionAssigned') GROUP BY type, actor_id ORDER BY type`,
    );
    expect(events.rows.map((row) => [row['type'], row['actor_id'], Number(row['n'])])).toEqual([
      ['BidDecisionMade', 'ana', 1],
      ['ResponseSectionAssigned', 'ana', 2],
    ]);
    // Both sections are now Ana's to write, in her inbox with their due dates.
    await page.click('[data-nav=myWork]');
    await page.waitForSelector('[data-list=counts] [data-kind=section_due][data-count="2"]');
  }, 120_000);

  it('explains a conflict: the record changed after the form read it', async () => {
    await page.goto(`${suite.platform.url}work/record/CaptureRequirement?opportunityId=${OPPORTUNITY}`);
    await page.waitForSelector('form[data-command=CaptureRequirement] [data-revision]');
    const read = (await page.textContent('[data-revision]'))!;
    // Bo, the sales owner, records a stage change meanwhile.
    await post(`api/opportunities/${OPPORTUNITY}/stage-changes`, { to: 'solution' }, sales);
    await page.fill('[data-field=title] input', 'Data stays in the customer’s region');
    for (const [field, typed] of [
      ['category', 'comp'],
      ['priority', 'mu'],
      ['source', 'mee'],
    ] as const) {
      await page.click(`[data-field="${field}"] .el-select__wrapper`);
      await page.keyboard.type(typed);
      await page.keyboard.press('Enter');
    }
    await page.click('[data-action=record]');
    await page.waitForSelector('[data-conflict], [data-form-failure], [data-recorded]');
    expect(await page.textContent('form[data-command=CaptureRequirement]')).toContain('Someone changed this record');
    const explained = await page.textContent('[data-conflict]');
    expect(explained).toContain('stage');
    expect(explained).toContain('solution');
    expect(await page.$$('[data-recorded]')).toHaveLength(0);
    await page.screenshot({ path: join(ARTIFACTS, 'workspace-conflict-en-1280.png'), fullPage: true });
    await page.click('[data-action=resend]');
    await page.waitForSelector('[data-recorded]');
    expect(await page.textContent('[data-revision]')).not.toBe(read);
    const captured = await sql(
      `SELECT count() AS n FROM requirement_captured FINAL WHERE title = 'Data stays in the customer’s region'`,
    );
    expect(Number(captured.rows[0]!['n'])).toBe(1);
  }, 120_000);

  it('shows the API’s validation on its field, and works with the keyboard alone', async () => {
    await page.goto(`${suite.platform.url}work/record/LogTime`);
    await page.waitForSelector('form[data-command=LogTime]');
    // Hours with too many places never leave the browser; the API's own rules come back on their fields.
    await page.fill('[data-field=entryId] input', 'entry 1!');
    await page.fill('[data-field=date] input', '2026-03-02');
    await page.fill('[data-field=hours] input', '1.333');
    await page.click('[data-action=record]');
    expect(await page.textContent('[data-problem=hours]')).toContain('2 decimals');
    expect(await focusedField()).toBe('hours');
    await page.fill('[data-field=hours] input', '1.5');
    await page.click('[data-field=category] .el-select__wrapper');
    await page.keyboard.type('intern');
    await page.keyboard.press('Enter');
    await page.click('[data-action=record]');
    await page.waitForSelector('[data-problem=entryId]');
    expect(await page.textContent('[data-problem=entryId]')).toContain('must match');
    expect(await focusedField()).toBe('entryId');

    // A rule of the record (422) says which field it is about: a deadline before the receipt shows on
    // the deadline, which takes the focus, in English and in Chinese.
    await page.goto(`${suite.platform.url}work/record/ReceiveTender?opportunityId=${OPPORTUNITY}`);
    await page.waitForSelector('form[data-command=ReceiveTender]');
    await page.click('[data-field=kind] .el-select__wrapper');
    await page.keyboard.type('rfp');
    await page.keyboard.press('Enter');
    await page.fill('[data-field=issuer] input', 'Harbour Port Authority');
    await page.fill('[data-field=deadline] input', localInput(Date.now() - 86_400_000));
    for (const [language, frame] of [
      ['English', 'Refused by a rule of the record: '],
      ['简体中文', '被记录的业务规则拒绝：'],
    ] as const) {
      await chooseLanguage(page, language);
      await page.click('[data-action=record]');
      await page.waitForSelector(`[data-problem=deadline]:has-text("${frame}")`);
      expect(await page.textContent('[data-problem=deadline]')).toMatch(/deadline .* is not after its receipt/);
      expect(await focusedField()).toBe('deadline');
      expect(await page.$$('[data-recorded]')).toHaveLength(0);
      await page.screenshot({
        path: join(ARTIFACTS, `workspace-field-refusal-${language === 'English' ? 'en' : 'zh'}-1280.png`),
        fullPage: true,
      });
    }
    await chooseLanguage(page, 'English');

    // A chain's refused part shows on the field it came from: a requirement dated before its
    // opportunity was registered is refused (a 422 about occurredAt), on "when it happened".
    await page.goto(`${suite.platform.url}work/exchange`);
    await page.waitForSelector('form[data-form=exchange]');
    const act = new Recorder(page);
    if (!(await page.textContent('[data-field=opportunityId] .el-select__wrapper'))?.includes(OPPORTUNITY))
      await act.pick('opportunityId', OPPORTUNITY.slice(0, 4), OPPORTUNITY);
    await page.fill('#ex-occurred-at', '2020-01-06T09:00');
    await act.click('[data-action=add-requirement]');
    await act.freeText('#ex-req-0-title', 'Audit trail export');
    await act.choose('requirements.0.category', 'comp', 'compliance');
    await act.choose('requirements.0.priority', 'mu', 'must');
    await act.choose('requirements.0.fit', 'sta', 'standard');
    if ((await page.inputValue('[data-field=productLine] input')) === '')
      await page.fill('[data-field=productLine] input', 'erp');
    await act.click('[data-action=record-exchange]');
    await page.waitForSelector('[data-field=occurredAt] .field-problem');
    expect(await page.textContent('[data-field=occurredAt] .field-problem')).toMatch(/before the record began/);
    expect(await page.evaluate(() => document.activeElement?.id)).toBe('ex-occurred-at');
    expect(await page.getAttribute('[data-panel=parts] li:first-child', 'data-status')).toBe('failed');

    // Keyboard only: the palette, arrows and Enter open a form.
    await page.keyboard.press('Control+k');
    await page.waitForSelector('input[data-palette-input]');
    await page.keyboard.type('log time');
    await page.keyboard.press('Enter');
    await page.waitForURL(/\/work\/record\/LogTime/);
  }, 120_000);

  it('shows the workspace in English and 简体中文 at 1280 and 768 px, no English left in Chinese, no sideways scrolling', async () => {
    for (const language of ['English', '简体中文'] as const) {
      await page.goto(`${suite.platform.url}work`);
      await page.waitForSelector('[data-list=counts]');
      await chooseLanguage(page, language);
      const lang = language === 'English' ? 'en' : 'zh';
      for (const [name, path, ready] of [
        ['my-work', 'work', '[data-list=counts]'],
        ['exchange', 'work/exchange', 'form[data-form=exchange]'],
        ['form', `work/record/CompleteActivity?opportunityId=${OPPORTUNITY}`, 'form[data-command=CompleteActivity]'],
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
              'Harbour',
              'Logistics',
              'ERP',
              'Ctrl',
              'Solution architecture',
              'Security and data residency',
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
        }
      }
    }
    await chooseLanguage(page, 'English');
  }, 240_000);
});

/** The figures of docs/benchmarks.md's workspace section. */
function saveMeasuredTo(runs: unknown): void {
  writeFileSync(
    join(ARTIFACTS, 'workspace-chain.json'),
    `${JSON.stringify({ measuredAt: new Date().toISOString(), runs }, null, 2)}\n`,
  );
  console.log(`[workspace] ${JSON.stringify(runs)}`);
}
