import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { CommandReceipts } from './command-receipts.js';

const DAY = 86_400_000;
const receipt = (body: string) => ({ fingerprint: 'f', status: 201, body, etag: '"0"' });

describe('command receipts', () => {
  const folders: string[] = [];
  const open = () => {
    const folder = mkdtempSync(join(tmpdir(), 'receipts-'));
    folders.push(folder);
    return { file: join(folder, 'receipts.sqlite'), receipts: new CommandReceipts(join(folder, 'receipts.sqlite')) };
  };
  afterEach(() => folders.splice(0).forEach((folder) => rmSync(folder, { recursive: true, force: true })));

  it('answers a retry with the first answer, per caller, after a restart too', () => {
    const { file, receipts } = open();
    const at = new Date('2026-12-01T00:00:00Z');
    receipts.keep('ana', 'k1', receipt('first'), at);
    receipts.keep('ana', 'k1', receipt('second'), at);
    expect(receipts.find('ana', 'k1')?.body).toBe('first');
    expect(receipts.find('bob', 'k1')).toBeUndefined();
    receipts.close();
    const reopened = new CommandReceipts(file);
    expect(reopened.find('ana', 'k1')?.body).toBe('first');
    reopened.close();
  });

  it('forgets receipts older than seven days once a later answer is kept', () => {
    const { receipts } = open();
    const start = new Date('2026-12-01T00:00:00Z').getTime();
    receipts.keep('ana', 'old', receipt('old'), new Date(start));
    receipts.keep('ana', 'recent', receipt('recent'), new Date(start + 6 * DAY));
    expect(receipts.find('ana', 'old')?.body).toBe('old');
    receipts.keep('ana', 'new', receipt('new'), new Date(start + 8 * DAY));
    expect(receipts.find('ana', 'old')).toBeUndefined();
    expect(receipts.find('ana', 'recent')?.body).toBe('recent');
    receipts.close();
  });
});
