import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { eventHash, StreamNotFoundError, type RecordedEvent, type StoreVerification } from '@presales/event-store';
import { anEvent } from '@presales/event-store/testing';
import { SqliteEventStore } from './sqlite-event-store.js';

/**
 * Tampering done the way someone with the file would do it: SQL on the rows, through a
 * second connection. Layout of $all (position: stream@revision), appends in brackets; a
 * ledger finding names the first position of the append that no longer matches:
 *   [1 T@0  2 T@1] [3 Q@0] [4 T@2] [5 Q@1  6 Q@2] [7 T@3] [8 L@0]
 */
const T = 'tender-t';
const Q = 'quote-q';
const L = 'tender-last';

let dir: string;
let file: string;
let store: SqliteEventStore;
let raw: Database.Database;

beforeEach(async () => {
  dir = mkdtempSync(join(tmpdir(), 'presales-tamper-'));
  file = join(dir, 'events.sqlite');
  store = SqliteEventStore.open({ file });
  await store.appendToStream(T, [anEvent('A', { n: 0 }), anEvent('B', { n: 1 })]);
  await store.appendToStream(Q, [anEvent('X')]);
  await store.appendToStream(T, [anEvent('C', { n: 2 })]);
  await store.appendToStream(Q, [anEvent('Y'), anEvent('Z')]);
  await store.appendToStream(T, [anEvent('D', { n: 3 })]);
  await store.appendToStream(L, [anEvent('Last')]);
  raw = new Database(file);
});

afterEach(async () => {
  raw.close();
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

function sql(statement: string, ...params: unknown[]): void {
  raw.prepare(statement).run(...params);
}

function streamFindings(verdict: StoreVerification) {
  return verdict.ok
    ? []
    : verdict.findings.filter((f) => f.kind === 'stream').map((f) => [f.streamId, f.firstBrokenRevision]);
}

function logFindings(verdict: StoreVerification) {
  return verdict.ok ? [] : verdict.findings.filter((f) => f.kind === 'log').map((f) => f.position);
}

describe('tamper evidence: an untouched file', () => {
  it('verifies every stream and the whole log', async () => {
    expect(await store.verifyAll()).toEqual({ ok: true, streams: 3, events: 8 });
    expect(await store.verifyStream(T)).toEqual({ ok: true, streamId: T, events: 4 });
  });
});

describe('tamper evidence: edits', () => {
  it('catches edited data at its revision', async () => {
    sql(`UPDATE events SET data = '{"n":99}' WHERE stream_id = ? AND revision = 1`, T);
    expect(await store.verifyStream(T)).toMatchObject({
      ok: false,
      firstBrokenRevision: 1n,
      reason: expect.stringMatching(/edited/),
    });
    expect(streamFindings(await store.verifyAll())).toEqual([[T, 1n]]);
  });

  it('catches a back-dated recordedAt (a deadline proof forged)', async () => {
    sql(
      `UPDATE events SET metadata = json_set(metadata, '$.recordedAt', '2020-01-01T00:00:00.000Z') WHERE stream_id = ? AND revision = 2`,
      T,
    );
    expect(await store.verifyStream(T)).toMatchObject({ ok: false, firstBrokenRevision: 2n });
  });

  it('catches an edit whose own hash was recomputed: the next event no longer links to it', async () => {
    const [, second] = await store.readStream(T);
    const forged = { ...second!, data: { n: 99 } };
    const { hash: _hash, ...metadata } = forged.metadata;
    sql(`UPDATE events SET data = '{"n":99}', hash = ? WHERE id = ?`, eventHash({ ...forged, metadata }), second!.id);
    expect(await store.verifyStream(T)).toMatchObject({
      ok: false,
      firstBrokenRevision: 2n,
      reason: expect.stringMatching(/prevHash/),
    });
    expect(logFindings(await store.verifyAll())).toEqual([1n]);
  });

  it('catches unparseable JSON and an edited event type', async () => {
    sql(`UPDATE events SET metadata = '{broken' WHERE stream_id = ? AND revision = 0`, Q);
    sql(`UPDATE events SET type = 'Other' WHERE stream_id = ? AND revision = 3`, T);
    expect(streamFindings(await store.verifyAll())).toEqual([
      [Q, 0n],
      [T, 3n],
    ]);
  });

  it('catches a head record moved back to hide the last event', async () => {
    const [, , third] = await store.readStream(T);
    sql(`UPDATE streams SET last_revision = 2, last_hash = ? WHERE stream_id = ?`, third!.metadata.hash, T);
    expect(await store.verifyStream(T)).toMatchObject({
      ok: false,
      firstBrokenRevision: 3n,
      reason: expect.stringMatching(/inserted/),
    });
  });
});

describe('tamper evidence: deletions', () => {
  it('catches a deleted event in the middle of a stream', async () => {
    sql(`DELETE FROM events WHERE stream_id = ? AND revision = 1`, T);
    expect(await store.verifyStream(T)).toMatchObject({
      ok: false,
      firstBrokenRevision: 1n,
      reason: expect.stringMatching(/missing/),
    });
    const verdict = await store.verifyAll();
    expect(streamFindings(verdict)).toEqual([[T, 1n]]);
    expect(logFindings(verdict)).toContain(2n);
  });

  it("catches the deletion of a stream's last event", async () => {
    sql(`DELETE FROM events WHERE stream_id = ? AND revision = 3`, T);
    expect(await store.verifyStream(T)).toMatchObject({
      ok: false,
      firstBrokenRevision: 3n,
      reason: expect.stringMatching(/deleted/),
    });
    expect(streamFindings(await store.verifyAll())).toEqual([[T, 3n]]);
  });

  it('catches the deletion of the last event of the whole log', async () => {
    sql(`DELETE FROM events WHERE stream_id = ?`, L);
    expect(await store.verifyStream(L)).toMatchObject({ ok: false, firstBrokenRevision: 0n });
    expect(logFindings(await store.verifyAll())).toEqual([8n]);
  });

  it('catches the deletion of the last event of the log together with its head record', async () => {
    sql(`DELETE FROM events WHERE stream_id = ?`, L);
    sql(`DELETE FROM streams WHERE stream_id = ?`, L);
    await expect(store.verifyStream(L)).rejects.toBeInstanceOf(StreamNotFoundError);
    const verdict = await store.verifyAll();
    expect(verdict).toMatchObject({ ok: false, streams: 2, events: 7 });
    expect(logFindings(verdict)).toEqual([8n]);
  });

  it('catches a whole stream deleted, with or without its head record', async () => {
    sql(`DELETE FROM events WHERE stream_id = ?`, Q);
    expect(await store.verifyStream(Q)).toMatchObject({ ok: false, firstBrokenRevision: 0n });
    expect(streamFindings(await store.verifyAll())).toEqual([[Q, 0n]]);
    sql(`DELETE FROM streams WHERE stream_id = ?`, Q);
    const verdict = await store.verifyAll();
    expect(streamFindings(verdict)).toEqual([]);
    // Each gap is reported twice: as missing positions, and as the ledger entry after it failing.
    expect(logFindings(verdict)).toEqual([3n, 3n, 5n, 5n]);
  });

  it('catches a deleted stream whose gap was closed by renumbering the later events', async () => {
    sql(`DELETE FROM events WHERE stream_id = ?`, Q);
    sql(`DELETE FROM streams WHERE stream_id = ?`, Q);
    for (const [from, to] of [
      [4, 3],
      [7, 4],
      [8, 5],
    ])
      sql(`UPDATE events SET position = ? WHERE position = ?`, to, from);
    sql(`UPDATE sqlite_sequence SET seq = 5 WHERE name = 'events'`);
    const verdict = await store.verifyAll();
    expect(verdict.ok).toBe(false);
    expect(logFindings(verdict)).toEqual([3n, 4n, 5n]);
  });
});

describe('tamper evidence: reordering', () => {
  function swapColumns(a: RecordedEvent, b: RecordedEvent): void {
    const rowOf = (event: RecordedEvent) =>
      raw
        .prepare('SELECT type, data, metadata, hash, id FROM events WHERE position = ?')
        .get(Number(event.position)) as Record<string, string>;
    const [rowA, rowB] = [rowOf(a), rowOf(b)];
    sql(`UPDATE events SET id = 'swap-tmp' WHERE position = ?`, Number(b.position));
    for (const [target, source] of [
      [a, rowB],
      [b, rowA],
    ] as const) {
      sql(
        `UPDATE events SET type = ?, data = ?, metadata = ?, hash = ?, id = ? WHERE position = ?`,
        source.type,
        source.data,
        source.metadata,
        source.hash,
        source.id,
        Number(target.position),
      );
    }
  }

  it('catches two events of a stream swapped', async () => {
    const [, second, third] = await store.readStream(T);
    swapColumns(second!, third!);
    expect(await store.verifyStream(T)).toMatchObject({ ok: false, firstBrokenRevision: 1n });
    expect(logFindings(await store.verifyAll())).toEqual([1n, 4n]);
  });

  it('catches swapped revision numbers', async () => {
    sql(`UPDATE events SET revision = -1 WHERE stream_id = ? AND revision = 1`, T);
    sql(`UPDATE events SET revision = 1 WHERE stream_id = ? AND revision = 2`, T);
    sql(`UPDATE events SET revision = 2 WHERE stream_id = ? AND revision = -1`, T);
    expect(await store.verifyStream(T)).toMatchObject({ ok: false, firstBrokenRevision: 1n });
  });

  it('catches events of two streams swapped in $all, which no single stream can see', async () => {
    sql(`UPDATE events SET position = 100 WHERE position = 4`);
    sql(`UPDATE events SET position = 4 WHERE position = 5`);
    sql(`UPDATE events SET position = 5 WHERE position = 100`);
    sql(`UPDATE sqlite_sequence SET seq = 8 WHERE name = 'events'`);
    expect(await store.verifyStream(T)).toMatchObject({ ok: true });
    expect(await store.verifyStream(Q)).toMatchObject({ ok: true });
    // Both appends touched by the swap fail: [4 T@2] now holds Q@1 and T@2, [5 Q@1 6 Q@2] only Q@2.
    expect(logFindings(await store.verifyAll())).toEqual([4n, 6n]);
  });
});
