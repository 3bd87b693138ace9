import { execFileSync, spawnSync } from 'node:child_process';
import { hash } from 'node:crypto';
import { mkdirSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MemoryEventStore } from '../testing/memory-event-store.js';
import { storeWithDisputes } from '../testing/memory-dispute.js';
import { buildEvidencePack, type EvidencePack } from './evidence-pack.js';
import type { PackManifest } from './pack-manifest.js';
import { readTar } from './tar.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const AUDITOR = { id: 'auditor-1', role: 'auditor' } as const;

async function packOf(store: MemoryEventStore, tenderId = 'T-a'): Promise<{ pack: EvidencePack; dir: string }> {
  const pack = await buildEvidencePack(store, {
    tenderId,
    createdAt: new Date('2026-04-01T10:00:00Z'),
    createdBy: AUDITOR,
  });
  const root = mkdtempSync(join(tmpdir(), 'audit-pack-'));
  dirs.push(root);
  for (const entry of readTar(pack.archive)) {
    mkdirSync(dirname(join(root, entry.path)), { recursive: true });
    writeFileSync(join(root, entry.path), entry.bytes, { mode: entry.mode });
  }
  return { pack, dir: join(root, pack.rootDir) };
}

/** The pack's own verifier, as a third party runs it: `node verify.mjs` in the pack's folder. */
function verify(dir: string, ...args: string[]): { code: number | null; output: string } {
  const result = spawnSync(process.execPath, ['verify.mjs', ...args], { cwd: dir, encoding: 'utf8' });
  return { code: result.status, output: `${result.stdout}${result.stderr}` };
}

function rewrite(dir: string, file: string, change: (text: string) => string, refreshManifest: boolean): void {
  writeFileSync(join(dir, file), change(readFileSync(join(dir, file), 'utf8')));
  if (!refreshManifest) return;
  const manifest = JSON.parse(readFileSync(join(dir, 'manifest.json'), 'utf8')) as PackManifest;
  const bytes = readFileSync(join(dir, file));
  const files = manifest.files.map((f) =>
    f.path === file ? { ...f, sha256: hash('sha256', bytes, 'hex'), bytes: bytes.length } : f,
  );
  writeFileSync(join(dir, 'manifest.json'), `${JSON.stringify({ ...manifest, files }, null, 2)}\n`);
}

describe('evidence pack', () => {
  it('holds the events, the links of withheld events, findings, a summary, the verifier and a manifest of hashes', async () => {
    const { pack, dir } = await packOf(await storeWithDisputes({ key: 'a', reviseQuoteAfterSubmission: true }));
    expect(readTar(pack.archive).map((e) => e.path.split('/')[1])).toEqual([
      'events.jsonl',
      'withheld.jsonl',
      'findings.json',
      'summary.html',
      'verify.mjs',
      'README.txt',
      'manifest.json',
      'manifest.sha256',
    ]);
    expect(readFileSync(join(dir, 'manifest.sha256'), 'utf8')).toBe(`${pack.manifestSha256}  manifest.json\n`);
    expect(execFileSync('sha256sum', ['-c', 'manifest.sha256'], { cwd: dir, encoding: 'utf8' })).toBe(
      'manifest.json: OK\n',
    );
    const lines = readFileSync(join(dir, 'events.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { stream: string; type: string });
    expect(lines).toHaveLength(16);
    expect(lines.every((l) => !l.stream.endsWith('X-a'))).toBe(true);
    const withheld = readFileSync(join(dir, 'withheld.jsonl'), 'utf8')
      .trim()
      .split('\n')
      .map((l) => JSON.parse(l) as { stream: string; revision: number });
    expect(withheld.map((link) => `${link.stream}@${link.revision}`)).toEqual([
      'consultant-C1-a@0',
      'consultant-C1-a@2',
      'consultant-C2-a@0',
    ]);
    expect(JSON.parse(readFileSync(join(dir, 'findings.json'), 'utf8'))).toMatchObject({
      deadline: { status: 'submitted', verdict: 'on_time' },
      quoteRevisionsAfterSubmission: [{ streamId: 'quote-Q-a', revision: '4', quoteRevision: 1 }],
    });
    const html = readFileSync(join(dir, 'summary.html'), 'utf8');
    expect(html).toContain('<h1>Evidence pack: tender T-a</h1>');
    expect(html).toContain('quote-Q-a@4');
  });

  it('verifies with its own script: files, chains (withheld links included), deadline and revisions after submission', async () => {
    const { pack, dir } = await packOf(await storeWithDisputes({ key: 'a', reviseQuoteAfterSubmission: true }));
    const { code, output } = verify(dir);
    expect(output).toContain(`manifest.json SHA-256 ${pack.manifestSha256}`);
    expect(output).toContain('files: all 6 match the manifest');
    expect(output).toMatch(
      /chain consultant-C1-a \(assignment\): intact, 3 events \(2 withheld: links followed, content not recomputed\) \[the store agrees\]/,
    );
    expect(output).toMatch(
      /deadline 2026-03-15T12:00:00Z: submission at revision 5 recorded 2026-03-14T16:00:00\.000Z .* ON TIME \(72000\.000 s before the deadline\)/,
    );
    expect(output).toContain(
      'quote revisions recorded after the submission: quote-Q-a@4 (quote revision 1) recorded 2026-03-20T09:00:00.000Z',
    );
    expect(output).toContain('verdict: pack intact; record intact');
    expect(code).toBe(0);
  });

  it('shows a bid recorded one minute late as late, though it claims to be on time', async () => {
    const { dir } = await packOf(
      await storeWithDisputes({
        key: 'a',
        submissionOccurredAt: '2026-03-15T11:59:00Z',
        submissionRecordedAt: '2026-03-15T12:01:00.000Z',
      }),
    );
    const { code, output } = verify(dir);
    expect(output).toMatch(
      /recorded 2026-03-15T12:01:00\.000Z \(attested by the store\), occurred 2026-03-15T11:59:00Z \(claimed\) -> LATE by 60\.000 s/,
    );
    expect(code).toBe(0);
  });

  it.each([
    [
      'an edited event',
      (s: MemoryEventStore) =>
        s.tamper('tender-T-a', 3n, (e) => ({ ...e, data: { ...e.data, authorId: 'someone-else' } })),
      '3',
      'content does not match its hash (edited)',
    ],
    [
      'a deleted event',
      (s: MemoryEventStore) => s.remove('tender-T-a', 4n),
      '4',
      'revision 4 is missing (deleted), found 5 next',
    ],
    [
      'two events swapped',
      (s: MemoryEventStore) => s.swap('tender-T-a', 4n, 5n),
      '4',
      'prevHash does not match the previous event (deleted, inserted or reordered)',
    ],
  ])('finds %s in the store at the revision the store reports', async (_case, tamper, revision, reason) => {
    const store = await storeWithDisputes({ key: 'a' });
    tamper(store);
    const { dir } = await packOf(store);
    const { code, output } = verify(dir);
    expect(output).toContain(`chain tender-T-a (tender): BROKEN at revision ${revision}: ${reason} [the store agrees]`);
    expect(output).toContain('-> UNPROVEN (the tender chain is broken)');
    expect(output).toContain('verdict: pack intact; record TAMPERED (broken: tender-T-a)');
    expect(code).toBe(1);
  });

  it("carries the store's verdict where no pack can see: a deleted last event", async () => {
    const store = await storeWithDisputes({ key: 'a' });
    store.remove('tender-T-a', 5n);
    const { code, output } = verify((await packOf(store)).dir);
    expect(output).toContain(
      'chain tender-T-a (tender): intact, 5 events [the store found more: BROKEN at revision 5: the head record says revision 5 but the events end at 4 (deleted)]',
    );
    expect(output).toContain('verdict: pack intact; record TAMPERED (broken: tender-T-a)');
    expect(code).toBe(1);
  });

  it('notices a pack edited after it was made, with or without its manifest updated', async () => {
    const { dir } = await packOf(
      await storeWithDisputes({ key: 'a', submissionRecordedAt: '2026-03-15T12:01:00.000Z' }),
    );
    rewrite(dir, 'events.jsonl', (text) => text.replace('2026-03-15T12:01:00.000Z', '2026-03-15T11:01:00.000Z'), false);
    expect(verify(dir).output).toMatch(
      /files: 1 of 6 do NOT match the manifest\n {2}events\.jsonl: SHA-256 [0-9a-f]{64}, the manifest says [0-9a-f]{64}/,
    );
    rewrite(dir, 'events.jsonl', (text) => text, true);
    const { code, output } = verify(dir);
    expect(output).toContain('files: all 6 match the manifest');
    expect(output).toMatch(
      /chain tender-T-a \(tender\): BROKEN at revision 5: content does not match its hash \(edited\) \[DISAGREES with the store: intact, 6 events\]/,
    );
    expect(output).toContain('verdict: pack NOT intact');
    expect(code).toBe(1);
  });

  it('notices events dropped from the end of a stream in the pack', async () => {
    const { dir } = await packOf(await storeWithDisputes({ key: 'a', reviseQuoteAfterSubmission: true }));
    rewrite(
      dir,
      'events.jsonl',
      (text) =>
        text
          .split('\n')
          .filter((line) => !line.includes('"QuoteRevised"'))
          .join('\n'),
      true,
    );
    const { code, output } = verify(dir);
    expect(output).toContain(
      "chain quote-Q-a (quote): BROKEN at revision 4: the manifest says the chain ends at revision 4 but the pack's events end at 3 (deleted)",
    );
    expect(output).toContain(
      "quote revisions recorded after the submission: none\n  [DISAGREES with the platform's finding]",
    );
    expect(code).toBe(1);
  });

  it('answers in JSON, and exits 2 for something that is not a pack', async () => {
    const { dir } = await packOf(await storeWithDisputes({ key: 'a' }));
    const report = JSON.parse(verify(dir, '--json').output) as {
      packIntact: boolean;
      recordIntact: boolean;
      chains: unknown[];
    };
    expect(report).toMatchObject({ packIntact: true, recordIntact: true });
    expect(report.chains).toHaveLength(6);
    rmSync(join(dir, 'manifest.json'));
    expect(verify(dir)).toEqual({ code: 2, output: expect.stringContaining('manifest.json is missing') });
  });
});
