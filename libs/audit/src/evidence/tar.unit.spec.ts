import { execFileSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import { readTar, TarFormatError, writeTar } from './tar.js';

const dirs: string[] = [];
afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

const entries = [
  { path: 'pack/a.txt', bytes: Buffer.from('hello\n'), mode: 0o644 },
  { path: 'pack/empty.json', bytes: Buffer.alloc(0), mode: 0o644 },
  { path: 'pack/run.mjs', bytes: Buffer.from('x'.repeat(1500)), mode: 0o755 },
  { path: 'pack/ünïcode.txt', bytes: Buffer.from('字'), mode: 0o644 },
];

describe('ustar archives', () => {
  it('round-trips through readTar, byte for byte and deterministic', () => {
    const archive = writeTar(entries, new Date('2026-03-15T12:00:00Z'));
    expect(archive.length % 512).toBe(0);
    expect(readTar(archive).map((e) => [e.path, Buffer.from(e.bytes).toString(), e.mode])).toEqual(
      entries.map((e) => [e.path, e.bytes.toString(), e.mode]),
    );
    expect(writeTar(entries, new Date('2026-03-15T12:00:00Z')).equals(archive)).toBe(true);
  });

  it('is read by the system tar with the same contents, modes and time', () => {
    const dir = mkdtempSync(join(tmpdir(), 'audit-tar-'));
    dirs.push(dir);
    writeFileSync(join(dir, 'pack.tar'), writeTar(entries, new Date('2026-03-15T12:00:00Z')));
    execFileSync('tar', ['-xf', 'pack.tar'], { cwd: dir });
    for (const entry of entries) expect(readFileSync(join(dir, entry.path))).toEqual(entry.bytes);
    expect(statSync(join(dir, 'pack/run.mjs')).mode & 0o777).toBe(0o755);
    expect(statSync(join(dir, 'pack/a.txt')).mtime.toISOString()).toBe('2026-03-15T12:00:00.000Z');
  });

  it('refuses a damaged header and a cut archive, naming the file', () => {
    const archive = writeTar(entries, new Date(0));
    const damaged = Buffer.from(archive);
    damaged[10] = 0x41;
    expect(() => readTar(damaged)).toThrow(/header of pack\/a\.tx.*checksum/);
    expect(() => readTar(archive.subarray(0, 512 + 100))).toThrow(TarFormatError);
    expect(() => writeTar([{ path: 'x'.repeat(101), bytes: Buffer.alloc(0), mode: 0o644 }], new Date(0))).toThrow(
      /longer than 100 bytes/,
    );
  });
});
