import type {
  AuditReadsResponse,
  BidHistoryResponse,
  DeadlineProofResponse,
  RecordSearchResponse,
  StateAsOfResponse,
  StateDiffResponse,
} from '@presales/contracts';
import { execFileSync } from 'node:child_process';
import { createHash } from 'node:crypto';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { BrowserContext, Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { projectionSettled, runPackVerifier, seedDisputes } from './audit-fixtures.js';
import { ARTIFACTS, browserSuite, watchPage } from './browser-suite.js';
import { chromiumSkipReason } from './chromium.js';
import { chooseLanguage, signInThroughForm, viewReady } from './dashboard-page.js';
import { apiFetch, bearerFor, json } from './platform-process.js';

const skip = chromiumSkipReason('the dispute replay in Chromium');
const ADMIN_PASSWORD = 'admin-replay-test-1';
const AUDITOR = 'auditor-replay';
/** tokenFor makes personal accounts with this password (platform-process.ts). */
const AUDITOR_PASSWORD = `e2e-password-${AUDITOR}`;

/**
 * The auditor's dispute replay in the real dashboard, against the platform over HTTP with real
 * sign-in: every figure the page shows is compared with what the API answers for the same
 * question, and the downloaded evidence pack is checked by its own verify.mjs.
 */
describe.skipIf(skip !== undefined)('the dispute replay in Chromium', () => {
  const downloads = mkdtempSync(join(tmpdir(), 'presales-replay-downloads-'));
  let context: BrowserContext;
  let page: Page;
  let auditor: Record<string, string>;
  const problems: string[] = [];
  const api = async <T>(path: string) => json<T>(await apiFetch(`${suite.platform.url}${path}`, { headers: auditor }));

  // The link to a missing bid is answered 404: that is the contract.
  const watch = (target: Page) =>
    watchPage(target, problems, (message) => message.location().url.endsWith('/api/audit/tenders/T-missing/history'));

  /** Where the page's as-of slider stands: the moment in the URL and the state panel that answers it. */
  async function shownState(): Promise<{ at: string; status: string; folded: number; total: string }> {
    const at = (await page.getAttribute('[data-moment]', 'data-at'))!;
    const panel = await page.waitForSelector(`[data-panel=state][data-at="${at}"]`);
    return {
      at,
      status: (await panel.getAttribute('data-status'))!,
      folded: Number(await panel.getAttribute('data-events-folded')),
      total: (await panel.getAttribute('data-total'))!,
    };
  }

  async function screenshot(name: string): Promise<void> {
    await viewReady(page);
    for (const width of [1280, 768]) {
      await page.setViewportSize({ width, height: 900 });
      await page.waitForTimeout(150);
      const lang = await page.evaluate(() => document.documentElement.lang);
      await page.screenshot({
        path: join(ARTIFACTS, `replay-${name}-${lang === 'en' ? 'en' : 'zh'}-${width}.png`),
        fullPage: true,
      });
      expect(
        await page.evaluate(() => document.documentElement.scrollWidth),
        `${name} at ${width}`,
      ).toBeLessThanOrEqual(width);
    }
    await page.setViewportSize({ width: 1280, height: 900 });
  }

  async function openTab(name: string): Promise<void> {
    await page.click(`#tab-${name}`);
    await page.waitForURL(new RegExp(name === 'state' ? '/replay/' : `tab=${name}`));
  }

  const suite = browserSuite({
    seed: (dataDir) =>
      seedDisputes(dataDir, [
        { key: 'rev', reviseQuoteAfterSubmission: true },
        { key: 'late', submissionOccurredAt: '2026-03-15T11:59:00Z', submissionRecordedAt: '2026-03-15T12:01:00.000Z' },
      ]),
    env: { PRESALES_ADMIN_PASSWORD: ADMIN_PASSWORD },
    prepare: async (platform) => {
      // The auditor's account (and a token of it for asking the API what the page should show).
      auditor = await bearerFor(platform.url, 'auditor', AUDITOR);
      await projectionSettled(platform.url);
    },
    timeoutMs: 180_000,
  });
  beforeAll(async () => {
    context = await suite.browser.newContext({ viewport: { width: 1280, height: 900 }, acceptDownloads: true });
    page = await context.newPage();
    watch(page);
  });
  afterAll(() => rmSync(downloads, { recursive: true, force: true }));

  it('lands an auditor on the replay, finds the disputed tender by its quote id and walks the slider to what the API says', async () => {
    await page.goto(suite.platform.url);
    await page.waitForURL(/\/sign-in/);
    await signInThroughForm(page, AUDITOR, AUDITOR_PASSWORD);
    await page.waitForURL(/\/replay$/);
    await viewReady(page);
    expect(await page.$$eval('[data-nav]', (links) => links[0]?.getAttribute('data-nav'))).toBe('replay');
    await screenshot('search');

    await page.fill('input[data-control=replay-search], [data-control=replay-search] input', 'q-rev');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-table=search-results]');
    const found = await api<RecordSearchResponse>('api/audit/search?q=q-rev');
    expect(await page.$$eval('[data-result]', (rows) => rows.map((r) => r.getAttribute('data-result')))).toEqual(
      found.tenders.map((t) => t.tenderId),
    );
    expect(found.tenders.map((t) => t.tenderId)).toEqual(['T-rev']);
    await page.click('[data-open=T-rev]');
    await page.waitForURL(/\/replay\/T-rev\?q=q-rev$/);
    await page.waitForSelector('[data-replay-tender][data-tender=T-rev]');
    await viewReady(page);

    const history = await api<BidHistoryResponse>('api/audit/tenders/T-rev/history');
    expect(
      await page.$$eval('[data-table=timeline] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-event'))),
    ).toEqual(history.events.map((e) => e.position));

    // The quote's state, moved along the timeline with the keyboard.
    await page.click('[data-control=state-of]');
    await page.click('.el-select-dropdown__item:visible:has-text("quote-Q-rev")');
    await page.waitForURL(/of=quote-Q-rev/);
    await page.focus('[data-control=as-of-slider] [role=slider]');
    await page.keyboard.press('End');
    await page.waitForURL(/at=/);
    const atEnd = await shownState();
    const last = history.events[history.events.length - 1]!;
    expect(atEnd.at).toBe(last.recordedAt);
    await page.keyboard.press('ArrowLeft');
    await page.waitForFunction(
      (at) => document.querySelector('[data-moment]')?.getAttribute('data-at') !== at,
      atEnd.at,
    );
    const before = await shownState();
    expect(before.at).toBe(history.events[history.events.length - 2]!.recordedAt);
    for (const shown of [atEnd, before]) {
      const answer = await api<StateAsOfResponse>(`api/audit/streams/quote-Q-rev/state?at=${shown.at}`);
      const revisions = answer.derived.kind === 'quote' ? answer.derived.revisions : [];
      expect(shown).toEqual({
        at: shown.at,
        status: answer.status,
        folded: answer.eventsFolded,
        total: revisions[revisions.length - 1]?.total.amount ?? '',
      });
    }
    // The revision after the submission changed the quote's total: the slider shows both.
    expect(before.total).toBe('14500.00');
    expect(atEnd.total).not.toBe(before.total);
    expect(await page.getAttribute('[data-table=timeline] tr[aria-current=step]', 'data-event')).toBe(
      history.events[history.events.length - 2]!.position,
    );
    // The timeline scrolls on its own to keep that row in sight.
    expect(
      await page.$eval('[data-table=timeline] tr[aria-current=step]', (row) => {
        const [outer, inner] = [row.closest('.scroll')!.getBoundingClientRect(), row.getBoundingClientRect()];
        return inner.top >= outer.top && inner.bottom <= outer.bottom;
      }),
    ).toBe(true);
    await screenshot('state');

    // The link holds the moment: opened afresh, it shows the same state.
    const link = page.url();
    await page.goto(link);
    await viewReady(page);
    expect(await shownState()).toEqual(before);
  });

  it('says when nothing matches, and what is wrong with a link to a bid that does not exist', async () => {
    await page.goto(`${suite.platform.url}replay?q=${encodeURIComponent("zz' OR 1=1")}`);
    await page.waitForSelector('[data-search-empty]');
    expect(await page.textContent('[data-search-empty]')).toContain("zz' OR 1=1");
    await page.goto(`${suite.platform.url}replay/T-missing`);
    await page.waitForSelector('[data-state=error]');
    expect(await page.textContent('[data-state=error] [role=alert]')).toContain('tender T-missing: not found');
    await page.goto(`${suite.platform.url}replay/T-rev?of=quote-Q-rev&at=2026-03-14T16:00:00.000Z`);
    await viewReady(page);
  });

  it('filters the timeline by stream and actor', async () => {
    const history = await api<BidHistoryResponse>('api/audit/tenders/T-rev/history');
    await page.click('[data-control=timeline-actor]');
    await page.click('.el-select-dropdown__item:visible:has-text("manager-1")');
    await page.waitForURL(/actor=manager-1/);
    const managers = history.events.filter((e) => e.actor.id === 'manager-1').map((e) => e.position);
    expect(managers.length).toBeGreaterThan(0);
    expect(
      await page.$$eval('[data-table=timeline] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-event'))),
    ).toEqual(managers);
    await page.click('[data-control=timeline-stream]');
    await page.click('.el-select-dropdown__item:visible:has-text("tender-T-rev")');
    await page.waitForURL(/stream=tender-T-rev/);
    const both = history.events
      .filter((e) => e.actor.id === 'manager-1' && e.streamId === 'tender-T-rev')
      .map((e) => e.position);
    expect(
      await page.$$eval('[data-table=timeline] tbody tr', (rows) => rows.map((r) => r.getAttribute('data-event'))),
    ).toEqual(both);
    await page.goto(`${suite.platform.url}replay/T-rev?of=quote-Q-rev&at=2026-03-14T16:00:00.000Z`);
    await viewReady(page);
  });

  it('opens the diff from the submission to now: the lines and who changed them, as the API says', async () => {
    await openTab('diff');
    await page.waitForSelector('[data-table=diff-lines]');
    const diff = await api<StateDiffResponse>(
      'api/audit/streams/quote-Q-rev/diff?from=2026-03-14T16:00:00.000Z&to=head',
    );
    expect(
      await page.$$eval('[data-diff-event]', (rows) =>
        rows.map((r) => [
          r.getAttribute('data-diff-event'),
          r.querySelector('[data-who]')?.textContent?.trim().split(' ')[0],
        ]),
      ),
    ).toEqual(diff.events.map((e) => [e.type, e.actor.id]));
    const lines = diff.quoteLines!;
    expect(
      await page.$$eval('[data-table=diff-lines] [data-line]', (rows) =>
        rows.map((r) => [r.getAttribute('data-line'), r.getAttribute('data-change')]),
      ),
    ).toEqual([
      ...lines.added.map((l) => [l['lineId'], 'added']),
      ...lines.changed.map((l) => [l.lineId, 'changed']),
      ...lines.removed.map((l) => [l['lineId'], 'removed']),
    ]);
    expect(lines.changed).toEqual([{ lineId: 'L1', fields: [{ field: 'unitPrice', from: '1000', to: '900' }] }]);
    expect(await page.textContent('[data-line=L1]')).toContain('unitPrice: 1000 → 900');
    const fields = [...diff.fields.added, ...diff.fields.changed, ...diff.fields.removed].map((c) => c.path).sort();
    expect(
      (
        await page.$$eval('[data-table=diff-fields] [data-field]', (rows) =>
          rows.map((r) => r.getAttribute('data-field')!),
        )
      ).sort(),
    ).toEqual(fields);
    await screenshot('diff');
  });

  it('reads the deadline proof and every chain as the API gives them, on time and late', async () => {
    await openTab('proof');
    for (const tenderId of ['T-rev', 'T-late']) {
      if (tenderId === 'T-late') {
        await page.goto(`${suite.platform.url}replay/T-late?tab=proof`);
        await viewReady(page);
      }
      const proof = await api<DeadlineProofResponse>(`api/audit/tenders/${tenderId}/deadline-proof`);
      if (proof.status !== 'submitted') throw new Error(`${tenderId} should be submitted`);
      const panel = await page.waitForSelector(`[data-panel=proof][data-verdict=${proof.verdict}]`);
      expect(proof.verdict).toBe(tenderId === 'T-late' ? 'late' : 'on_time');
      expect(await page.getAttribute('[data-proof=distance]', 'data-ms')).toBe(String(proof.recordedAfterDeadlineMs));
      expect(await page.textContent('[data-proof=channel]')).toBe(proof.submission.channel);
      expect(await page.textContent('[data-proof=by]')).toContain(proof.submission.actor.id);
      expect(await panel.textContent()).toContain(proof.submission.documentSha256);
      await screenshot(`proof-${proof.verdict}`);
    }
    await openTab('chains');
    const history = await api<BidHistoryResponse>('api/audit/tenders/T-late/history');
    expect(
      await page.$$eval('[data-chain-stream]', (rows) =>
        rows.map((r) => [r.getAttribute('data-chain-stream'), r.getAttribute('data-ok')]),
      ),
    ).toEqual(history.streams.map((s) => [s.streamId, s.readable ? String(s.chain.ok) : 'unreadable']));
    await screenshot('chains');
  });

  it('downloads the evidence pack, whose own verify.mjs finds it intact, and shows its anchor and how to check it', async () => {
    await page.goto(`${suite.platform.url}replay/T-late?tab=evidence`);
    await viewReady(page);
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.click('[data-action=download-evidence]'),
    ]);
    expect(download.suggestedFilename()).toBe('evidence-T-late.tar');
    const tar = join(downloads, download.suggestedFilename());
    await download.saveAs(tar);
    execFileSync('tar', ['-xf', tar], { cwd: downloads });
    const packDir = join(downloads, 'evidence-T-late');
    const verified = runPackVerifier(packDir);
    expect(verified.output).toContain('verdict: pack intact; record intact');
    expect(verified.output).toMatch(/LATE by 60\.000 s/);
    expect(verified.code).toBe(0);
    // The anchor shown is the manifest's hash.
    const shown = await page.getAttribute('[data-evidence-saved]', 'data-manifest-sha256');
    expect(shown).toBe(
      createHash('sha256')
        .update(readFileSync(join(packDir, 'manifest.json')))
        .digest('hex'),
    );
    expect(await page.textContent('[data-command=verify]')).toBe(
      'tar -xf evidence-T-late.tar && node evidence-T-late/verify.mjs',
    );
    expect(await page.$$eval('[data-verifier-checks] li', (items) => items.length)).toBe(5);
    await screenshot('evidence');
  });

  it('shows every panel in 简体中文, and stays usable at 768 px', async () => {
    await chooseLanguage(page, '简体中文');
    await page.goto(`${suite.platform.url}replay?q=Acme`);
    await page.waitForSelector('[data-table=search-results]');
    await screenshot('search');
    await page.goto(`${suite.platform.url}replay/T-rev?of=quote-Q-rev&at=2026-03-14T16:00:00.000Z`);
    await page.waitForSelector('[data-panel=state]');
    expect(await page.textContent('.view h1')).toBe('争议回放');
    await screenshot('state');
    for (const tab of ['diff', 'proof', 'chains', 'evidence']) {
      await openTab(tab);
      await screenshot(tab === 'proof' ? 'proof-on_time' : tab);
    }
    await chooseLanguage(page, 'English');
  });

  it('gives admins the log of who read the record, the auditor’s reads among them', async () => {
    const adminContext = await suite.browser.newContext({ viewport: { width: 1280, height: 900 } });
    const admin = await adminContext.newPage();
    watch(admin);
    try {
      await admin.goto(`${suite.platform.url}replay/T-rev?tab=reads`);
      await admin.waitForURL(/\/sign-in/);
      await signInThroughForm(admin, 'admin', ADMIN_PASSWORD);
      await admin.waitForURL(/\/replay\/T-rev\?tab=reads$/);
      await admin.waitForSelector('[data-table=audit-reads]');
      const history = await api<BidHistoryResponse>('api/audit/tenders/T-rev/history');
      const bid = history.streams.map((s) => s.streamId);
      const log = await json<AuditReadsResponse>(await apiFetch(`${suite.platform.url}api/audit/reads`));
      const byAuditor = log.reads
        .filter((r) => r.actor.id === AUDITOR && (bid.includes(r.subject) || r.streams.some((s) => bid.includes(s))))
        .map((r) => r.request);
      expect(byAuditor).toEqual(
        expect.arrayContaining(['record_search', 'history', 'state_as_of', 'state_diff', 'deadline_proof']),
      );
      const shown = await admin.$$eval('[data-table=audit-reads] [data-read]', (rows) =>
        rows.map((r) => [r.getAttribute('data-actor'), r.getAttribute('data-read')]),
      );
      for (const request of new Set(byAuditor)) expect(shown, request).toContainEqual([AUDITOR, request]);
      await admin.screenshot({ path: join(ARTIFACTS, 'replay-reads-en-1280.png'), fullPage: true });
      await chooseLanguage(admin, '简体中文');
      await admin.screenshot({ path: join(ARTIFACTS, 'replay-reads-zh-1280.png'), fullPage: true });
      await chooseLanguage(admin, 'English');
      // Admins keep the overview as their first view; the replay is last in their navigation.
      await admin.goto(suite.platform.url);
      await admin.waitForURL(/\/overview$/);
      expect(await admin.$$eval('[data-nav]', (links) => links.map((a) => a.getAttribute('data-nav')).at(-1))).toBe(
        'replay',
      );
    } finally {
      await adminContext.close();
    }
    // An auditor is not shown the log (the API refuses it too).
    await page.goto(`${suite.platform.url}replay/T-rev?tab=reads`);
    await viewReady(page);
    expect(await page.$$('#tab-reads')).toHaveLength(0);
    expect((await apiFetch(`${suite.platform.url}api/audit/reads`, { headers: auditor })).status).toBe(403);
  });

  it('left no error in the browser console', () => {
    expect(problems).toEqual([]);
  });
});
