import { execFileSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type {
  AuditReadsAnswer,
  BidHistory,
  ChainVerdict,
  DeadlineProof,
  StateAsOf,
  StateDiff,
  StoreChainReport,
} from '@presales/audit';
import { DISPUTE_DEADLINE } from '@presales/audit/testing';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  AUDITOR_ID,
  backdateRecordedAt,
  deleteEvent,
  projectionSettled,
  runPackVerifier,
  seedDisputes,
  swapEvents,
  tamperWith,
} from './audit-fixtures.js';
import {
  apiFetch,
  bearerFor,
  json,
  runUntilExit,
  startPlatform,
  tempDataDir,
  tokenFor,
  type PlatformProcess,
} from './platform-process.js';

/**
 * Disputes settled from the record alone, on the real platform over HTTP, the CLI, and each
 * evidence pack's own verifier in a child process. Five bids, one per scenario, share a store;
 * three of them are tampered with through a second SQLite connection while the platform runs.
 */
const AUDITOR_ACTOR = { id: AUDITOR_ID, role: 'auditor' };
const LATE = { submissionOccurredAt: '2026-03-15T11:59:00Z', submissionRecordedAt: '2026-03-15T12:01:00.000Z' };

describe('audit and dispute replay', () => {
  const data = tempDataDir();
  const packs = mkdtempSync(join(tmpdir(), 'presales-packs-'));
  let platform: PlatformProcess;
  let auditor: Record<string, string>;
  let admin: Record<string, string>;
  const get = (path: string, headers: Record<string, string> = auditor) =>
    apiFetch(`${platform.url}${path}`, { headers });
  const cli = async (...args: string[]) =>
    runUntilExit(['audit', ...args, '--url', platform.url], {
      PRESALES_TOKEN: await tokenFor(platform.url, 'auditor', 'cli-auditor'),
    });

  beforeAll(async () => {
    await seedDisputes(data.dir, [
      { key: 'rev', reviseQuoteAfterSubmission: true },
      { key: 'late', ...LATE },
      { key: 'edit', ...LATE },
      { key: 'del' },
      { key: 'swap' },
    ]);
    platform = await startPlatform(data.dir);
    auditor = await bearerFor(platform.url, 'auditor', AUDITOR_ID);
    admin = { authorization: `Bearer ${platform.adminToken}` };
    await projectionSettled(platform.url);
    tamperWith(data.dir, (db) => {
      // Back-date the late bid's store time to before the deadline: a forged proof.
      backdateRecordedAt(db, 'tender-T-edit', 5, '2026-03-15T11:58:00.000Z');
      // Remove the review, then swap the draft and the review of another bid.
      deleteEvent(db, 'tender-T-del', 4);
      swapEvents(db, 'tender-T-swap', 3, 4);
    });
  }, 120_000);

  afterAll(async () => {
    await platform?.stop();
    data.remove();
    rmSync(packs, { recursive: true, force: true });
  });

  /** Downloads a pack over HTTP, extracts it with the system's tar and runs its verifier. */
  async function verifyPackOf(
    tenderId: string,
  ): Promise<{ code: number | null; output: string; manifestSha256: string }> {
    const response = await get(`api/audit/tenders/${tenderId}/evidence`);
    expect(response.status).toBe(200);
    expect(response.headers.get('content-type')).toBe('application/x-tar');
    const dir = mkdtempSync(join(packs, `${tenderId}-`));
    writeFileSync(join(dir, 'pack.tar'), Buffer.from(await response.arrayBuffer()));
    execFileSync('tar', ['-xf', 'pack.tar'], { cwd: dir });
    return {
      ...runPackVerifier(join(dir, `evidence-${tenderId}`)),
      manifestSha256: response.headers.get('x-manifest-sha256')!,
    };
  }

  describe('a quote revised after the bid was submitted', () => {
    it('shows the quote as it stood at the submission, and what changed after, over the API', async () => {
      const proof = await json<DeadlineProof>(await get('api/audit/tenders/T-rev/deadline-proof'));
      if (proof.status !== 'submitted') throw new Error('the bid should be submitted');
      const submittedAt = proof.submission.recordedAt;
      const then = await json<StateAsOf>(await get(`api/audit/streams/quote-Q-rev/state?at=${submittedAt}`));
      expect(then).toMatchObject({
        status: 'open',
        eventsFolded: 4,
        derived: { revisions: [{ revision: 0, total: { amount: '14500.00', currency: 'CNY' } }] },
        chain: { ok: true },
      });
      const diff = await json<StateDiff>(await get(`api/audit/streams/quote-Q-rev/diff?from=${submittedAt}`));
      expect(diff.events.map((e) => [e.type, e.recordedAt, e.actor.id])).toEqual([
        ['QuoteRevised', '2026-03-20T09:00:00.000Z', 'sales-1'],
      ]);
      expect(diff.quoteLines).toMatchObject({
        fromRevision: 0,
        toRevision: 1,
        added: [{ lineId: 'L3' }],
        changed: [{ lineId: 'L1', fields: [{ field: 'unitPrice', from: '1000', to: '900' }] }],
        removed: [{ lineId: 'L2' }],
      });
    });

    it('prints the same from the CLI', async () => {
      const asOf = await cli('as-of', 'quote-Q-rev', '--at', '2026-03-14T16:00:00Z');
      expect(asOf.output).toContain(
        'quote-Q-rev as of 2026-03-14T16:00:00Z: status open, 4 events through revision 3 (recorded 2026-03-03T09:00:00.000Z)',
      );
      const diff = await cli('diff', 'quote-Q-rev', '--from', '2026-03-14T16:00:00Z');
      expect(diff.output).toContain('changed  L1 unitPrice "1000" -> "900"');
      expect(diff.output).toMatch(/removed {2}L2 ERP-IMPL Implementation/);
      expect(diff.output).toMatch(/added {4}L3 ERP-TRAIN Training/);
      expect(diff.code).toBe(0);
    });

    it("is found by the evidence pack's own verifier, on an intact record", async () => {
      const dir = mkdtempSync(join(packs, 'cli-'));
      const saved = await cli('evidence', 'T-rev', '--extract', dir);
      expect(saved.code).toBe(0);
      const sha = /manifest\.json SHA-256 ([0-9a-f]{64})/.exec(saved.output)![1];
      const { code, output } = runPackVerifier(join(dir, 'evidence-T-rev'));
      expect(output).toContain(`manifest.json SHA-256 ${sha}`);
      expect(output).toContain(
        'quote revisions recorded after the submission: quote-Q-rev@4 (quote revision 1) recorded 2026-03-20T09:00:00.000Z',
      );
      expect(output).toContain('verdict: pack intact; record intact');
      expect(code).toBe(0);
    });
  });

  describe('a bid recorded one minute after its deadline', () => {
    it('is late by the store’s clock, although it claims to be on time (API)', async () => {
      expect(await json<DeadlineProof>(await get('api/audit/tenders/T-late/deadline-proof'))).toMatchObject({
        deadline: DISPUTE_DEADLINE,
        submission: {
          occurredAt: '2026-03-15T11:59:00Z',
          recordedAt: '2026-03-15T12:01:00.000Z',
          clock: 'store',
          documentSha256: expect.stringMatching(/^[0-9a-f]{64}$/),
        },
        claimedLate: false,
        recordedLate: true,
        recordedAfterDeadlineMs: 60_000,
        verdict: 'late',
        chain: { ok: true, events: 6 },
      });
    });

    it('is late from the CLI and in the evidence pack', async () => {
      const proof = await cli('proof', 'T-late');
      expect(proof.output).toMatch(
        /recorded \(store clock\) +2026-03-15T12:01:00\.000Z {2}60\.000 s after the deadline/,
      );
      expect(proof.output).toMatch(/occurred \(claimed\) +2026-03-15T11:59:00Z {2}on time by its own claim/);
      expect(proof.output).toContain('verdict: LATE');
      const pack = await verifyPackOf('T-late');
      expect(pack.output).toContain(
        '(attested by the store), occurred 2026-03-15T11:59:00Z (claimed) -> LATE by 60.000 s',
      );
      expect(pack.code).toBe(0);
    });
  });

  describe.each([
    ['a back-dated recordedAt (tampered row)', 'T-edit', '5', 'content does not match its hash (edited)'],
    ['an event deleted from the file', 'T-del', '4', 'revision 4 is missing (deleted), found 5 next'],
    ['a re-ordered pair', 'T-swap', '3', 'prevHash does not match the previous event (deleted, inserted or reordered)'],
  ])('%s', (_scenario, tenderId, revision, reason) => {
    const broken = { ok: false, streamId: `tender-${tenderId}`, firstBrokenRevision: revision, reason };

    it('is reported at the first broken revision by the API', async () => {
      expect(await json<ChainVerdict>(await get(`api/audit/streams/tender-${tenderId}/verify`))).toEqual(broken);
      expect((await json<BidHistory>(await get(`api/audit/tenders/${tenderId}/history`))).streams[0]).toMatchObject({
        streamId: `tender-${tenderId}`,
        chain: broken,
      });
      expect(await json<DeadlineProof>(await get(`api/audit/tenders/${tenderId}/deadline-proof`))).toMatchObject({
        verdict: 'unproven',
      });
    });

    it('makes the CLI exit 1 naming it', async () => {
      const verify = await cli('verify', `tender-${tenderId}`);
      expect(verify.output).toContain(`tender-${tenderId}: BROKEN at revision ${revision}: ${reason}`);
      expect(verify.code).toBe(1);
    });

    it("is found by the evidence pack's own verifier", async () => {
      const { code, output } = await verifyPackOf(tenderId);
      expect(output).toContain(
        `chain tender-${tenderId} (tender): BROKEN at revision ${revision}: ${reason} [the store agrees]`,
      );
      expect(output).toContain('UNPROVEN (the tender chain is broken)');
      expect(output).toContain(`verdict: pack intact; record TAMPERED (broken: tender-${tenderId})`);
      expect(code).toBe(1);
    });
  });

  it('shows the forged time for what it is: on time by its stamp, unproven by its chain', async () => {
    expect(await json<DeadlineProof>(await get('api/audit/tenders/T-edit/deadline-proof'))).toMatchObject({
      submission: { recordedAt: '2026-03-15T11:58:00.000Z' },
      recordedLate: false,
      verdict: 'unproven',
    });
  });

  it('verifies the whole store and lists every broken stream (API and CLI)', async () => {
    const report = await json<StoreChainReport>(await get('api/audit/verify'));
    expect(report.ok).toBe(false);
    const streams = report.ok
      ? []
      : report.findings.filter((f) => f.kind === 'stream').map((f) => [f.streamId, f.firstBrokenRevision]);
    expect(streams).toEqual(
      expect.arrayContaining([
        ['tender-T-edit', '5'],
        ['tender-T-del', '4'],
        ['tender-T-swap', '3'],
      ]),
    );
    expect(streams).toHaveLength(3);
    const verify = await cli('verify');
    expect(verify.output).toMatch(
      /sqlite store: \d+ streams, \d+ events verified in [\d.]+ ms \([\d,]+ events\/s\): TAMPERED/,
    );
    expect(verify.output).toContain('tender-T-swap BROKEN at revision 3');
    expect(verify.code).toBe(1);
  });

  it('answers auditors and admins only; everyone else gets 403, and nobody signed in 401', async () => {
    for (const role of ['presales', 'sales', 'manager', 'analyst']) {
      const response = await get('api/audit/tenders/T-rev/history', await bearerFor(platform.url, role));
      expect(response.status, role).toBe(403);
    }
    expect((await fetch(`${platform.url}api/audit/tenders/T-rev/history`)).status).toBe(401);
    expect((await get('api/audit/tenders/T-rev/history', admin)).status).toBe(200);
    expect((await get('api/audit/reads', auditor)).status).toBe(403);
    expect((await get('api/audit/verify', await bearerFor(platform.url, 'sales'))).status).toBe(403);
  });

  it('records every audit read it answers or refuses for its parameters, and shows them to admins', async () => {
    const { manifestSha256 } = await verifyPackOf('T-rev');
    // Refused for the role by the access guard before the audit API runs: not an audit read, nothing appended.
    expect(
      (await get('api/audit/tenders/T-late/history', await bearerFor(platform.url, 'sales', 'curious-sales'))).status,
    ).toBe(403);
    const log = await json<AuditReadsAnswer>(await get('api/audit/reads', admin));
    expect(log.reads).toContainEqual(
      expect.objectContaining({
        actor: AUDITOR_ACTOR,
        request: 'evidence_pack',
        subject: 'tender-T-rev',
        outcome: { kind: 'answered', answerSha256: manifestSha256 },
        streams: expect.arrayContaining(['tender-T-rev', 'quote-Q-rev', 'consultant-C1-rev']),
      }),
    );
    expect(log.reads.filter((read) => read.actor.id === 'curious-sales')).toEqual([]);
    expect(log.reads).toContainEqual(
      expect.objectContaining({
        actor: { id: 'cli-auditor', role: 'auditor' },
        request: 'state_diff',
        subject: 'quote-Q-rev',
        parameters: { from: '2026-03-14T16:00:00Z' },
      }),
    );
    expect(log.chains.every((chain) => chain.ok)).toBe(true);
    const byStream = await json<AuditReadsAnswer>(
      await get('api/audit/reads?stream=quote-Q-rev&actorId=cli-auditor', admin),
    );
    expect(byStream.reads.map((r) => r.request)).toEqual(['state_as_of', 'state_diff', 'evidence_pack']);
    const printed = await runUntilExit(['audit', 'reads', '--actor', 'cli-auditor', '--url', platform.url]);
    expect(printed.output).toMatch(/cli-auditor \(auditor\) +state_diff +quote-Q-rev +answered/);
  });
});
