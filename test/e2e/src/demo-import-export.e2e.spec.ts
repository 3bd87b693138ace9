import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { runUntilExit, startPlatform, tempDataDir } from './platform-process.js';

const cleanups: (() => void)[] = [];
afterEach(() => {
  for (const cleanup of cleanups.splice(0)) cleanup();
});

function workDir(): string {
  const { dir, remove } = tempDataDir();
  cleanups.push(remove);
  return dir;
}

describe('presales demo, import and export as real processes', () => {
  it('writes the same bytes for the same seed, imports them once, exports and restores them', async () => {
    const dir = workDir();
    const a = join(dir, 'a.jsonl');
    const b = join(dir, 'b.jsonl');
    expect((await runUntilExit(['demo', '--seed', '5', '--out', a])).code).toBe(0);
    expect((await runUntilExit(['demo', '--seed', '5', '--out', b])).code).toBe(0);
    expect(readFileSync(a).equals(readFileSync(b))).toBe(true);
    const lines = readFileSync(a, 'utf8').trim().split('\n').length;

    const first = await runUntilExit(['import', a, '--data-dir', join(dir, 'store')]);
    expect(first.code).toBe(0);
    expect(first.output).toContain(`${lines.toLocaleString('en-US')} appended`);
    const again = await runUntilExit(['import', a, '--data-dir', join(dir, 'store')]);
    expect(again.output).toContain(`0 appended, ${lines.toLocaleString('en-US')} already present, 0 rejected`);

    const exported = join(dir, 'export.jsonl');
    const exportRun = await runUntilExit(['export', exported, '--data-dir', join(dir, 'store')]);
    expect(exportRun.code).toBe(0);
    expect(readFileSync(exported, 'utf8').trim().split('\n')).toHaveLength(lines);
    const restore = await runUntilExit(['import', '--restore', exported, '--data-dir', join(dir, 'restored')]);
    expect(restore.code).toBe(0);
    expect(restore.output).toMatch(new RegExp(`restored ${lines.toLocaleString('en-US')} events .* verifyAll: ok`));
  }, 120_000);

  it('reports rejected lines with their numbers, exits 1, and writes the report next to the input', async () => {
    const dir = workDir();
    const file = join(dir, 'bad.jsonl');
    const { writeFileSync } = await import('node:fs');
    writeFileSync(
      file,
      '{"stream":"tender-X","type":"BidSubmitted","data":{"documentSha256":"' +
        'a'.repeat(64) +
        '","channel":"portal"},"metadata":{"occurredAt":"2025-01-01T00:00:00Z","actor":{"id":"u","role":"consultant"}}}\n{not json\n',
    );
    const run = await runUntilExit(['import', file, '--data-dir', join(dir, 'store')]);
    expect(run.code).toBe(1);
    expect(run.output).toContain('line 1 tender-X');
    expect(run.output).toContain('line 2');
    expect(readFileSync(`${file}.rejected.jsonl`, 'utf8').trim().split('\n')).toHaveLength(2);
  });

  it('loads the demo into an empty store on first start, with a count, and never into one with events', async () => {
    const dir = workDir();
    const first = await startPlatform(dir, { DEMO_DATA: 'on' });
    const loaded = /loaded ([\d,]+) demo events/.exec(first.output());
    expect(loaded, first.output()).not.toBeNull();
    expect(Number(loaded![1]!.replace(/,/g, ''))).toBeGreaterThan(10_000);
    expect(await first.stop(), first.output()).toBe(0);
    const second = await startPlatform(dir, { DEMO_DATA: 'on' });
    expect(second.output()).not.toContain('demo events');
    expect(await second.stop(), second.output()).toBe(0);
  }, 180_000);
});
