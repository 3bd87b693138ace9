import Database from 'better-sqlite3';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DuplicateEventIdError, eventHash, GENESIS_HASH, WrongExpectedVersionError } from '@presales/event-store';
import { anEvent } from '@presales/event-store/testing';
import { SqliteEventStore } from './sqlite-event-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'presales-sqlite-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

describe('durability setting', () => {
  it('is synchronous=FULL in WAL mode unless normal is asked for', async () => {
    const full = SqliteEventStore.open({ file: join(dir, 'full.sqlite') });
    const normal = SqliteEventStore.open({ file: join(dir, 'normal.sqlite'), durability: 'normal' });
    expect(full.settings()).toEqual({ journalMode: 'wal', synchronous: 'full' });
    expect(normal.settings()).toEqual({ journalMode: 'wal', synchronous: 'normal' });
    await full.close();
    await normal.close();
  });
});

describe('event ids are unique in the whole store (stronger than EventStoreDB)', () => {
  it('refuses an id recorded in another stream, and a batch that only partly repeats an earlier one', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const a = anEvent('A');
    await store.appendToStream('tender-1', [a]);
    await expect(store.appendToStream('tender-2', [a])).rejects.toBeInstanceOf(DuplicateEventIdError);
    await expect(
      store.appendToStream('tender-1', [a, anEvent('B')], { expectedRevision: 'no_stream' }),
    ).rejects.toBeInstanceOf(DuplicateEventIdError);
    await expect(store.readStream('tender-2')).rejects.toThrow(/not found/);
    expect(await store.readStream('tender-1')).toHaveLength(1);
    expect(await store.verifyAll()).toMatchObject({ ok: true });
    await store.close();
  });

  it('treats a retry with expected revision any as idempotent too', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const batch = [anEvent('A'), anEvent('B')];
    const first = await store.appendToStream('tender-1', batch);
    await store.appendToStream('tender-1', [anEvent('C')]);
    expect(await store.appendToStream('tender-1', batch)).toEqual(first);
    expect(await store.readStream('tender-1')).toHaveLength(3);
    await store.close();
  });
});

describe('schema migration', () => {
  /** The walking skeleton's schema (version 0), with rows as its adapter wrote them. */
  function writeVersion0File(file: string): void {
    const db = new Database(file);
    db.exec(`CREATE TABLE events (position INTEGER PRIMARY KEY AUTOINCREMENT, id TEXT NOT NULL UNIQUE, stream_id TEXT NOT NULL,
               revision INTEGER NOT NULL, type TEXT NOT NULL, data TEXT NOT NULL, metadata TEXT NOT NULL, hash TEXT NOT NULL, UNIQUE (stream_id, revision));
             CREATE TABLE checkpoints (subscriber_id TEXT PRIMARY KEY, position INTEGER NOT NULL, updated_at TEXT NOT NULL);`);
    const insert = db.prepare(
      'INSERT INTO events (id, stream_id, revision, type, data, metadata, hash) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    let prevHash = GENESIS_HASH;
    for (const [revision, type] of ['TenderReceived', 'BidDecisionMade'].entries()) {
      const event = anEvent(type, { z: 1, a: 2 });
      const metadata = { ...event.metadata, recordedAt: '2026-01-01T00:00:00.000Z', prevHash };
      const hash = eventHash({ streamId: 'tender-old', revision: BigInt(revision), type, data: event.data, metadata });
      insert.run(event.id, 'tender-old', revision, type, JSON.stringify(event.data), JSON.stringify(metadata), hash);
      prevHash = hash;
    }
    db.close();
  }

  it('keeps the events of a version-0 file, computes heads and ledger, and continues the chain', async () => {
    const file = join(dir, 'old.sqlite');
    writeVersion0File(file);
    const store = SqliteEventStore.open({ file });
    expect(await store.verifyAll()).toEqual({ ok: true, streams: 1, events: 2 });
    await store.appendToStream('tender-old', [anEvent('ReviewHeld')], { expectedRevision: 1n });
    expect((await store.readStream('tender-old')).map((e) => e.type)).toEqual([
      'TenderReceived',
      'BidDecisionMade',
      'ReviewHeld',
    ]);
    expect(await store.verifyStream('tender-old')).toEqual({ ok: true, streamId: 'tender-old', events: 3 });
    await store.close();
    const reopened = SqliteEventStore.open({ file });
    expect(await reopened.verifyAll()).toEqual({ ok: true, streams: 1, events: 3 });
    await reopened.close();
  });

  it('refuses a file written by a newer schema', () => {
    const file = join(dir, 'future.sqlite');
    const db = new Database(file);
    db.pragma('user_version = 99');
    db.close();
    expect(() => SqliteEventStore.open({ file })).toThrow(/schema version 99 is newer/);
  });
});

describe('appends sent at once share one transaction (group commit)', () => {
  it('writes each as if alone, in order: a refused one fails alone, retries in the group are idempotent', async () => {
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite') });
    const retried = anEvent('Retried');
    const outcomes = await Promise.allSettled([
      store.appendToStream('tender-1', [anEvent('A')], { expectedRevision: 'no_stream' }),
      store.appendToStream('tender-1', [anEvent('B')], { expectedRevision: 0n }),
      // Expects the stream not to exist, but the first append of the group created it.
      store.appendToStream('tender-1', [anEvent('C')], { expectedRevision: 'no_stream' }),
      store.appendToStream('tender-2', [retried], { expectedRevision: 'no_stream' }),
      store.appendToStream('tender-2', [retried], { expectedRevision: 'no_stream' }),
      ...Array.from({ length: 20 }, (_, i) => store.appendToStream(`quote-${i}`, [anEvent('Q')])),
    ]);
    expect(outcomes.map((outcome) => outcome.status)).toEqual([
      'fulfilled',
      'fulfilled',
      'rejected',
      'fulfilled',
      'fulfilled',
      ...Array.from({ length: 20 }, () => 'fulfilled'),
    ]);
    expect((outcomes[2] as PromiseRejectedResult).reason).toBeInstanceOf(WrongExpectedVersionError);
    const positions = outcomes.flatMap((outcome) => (outcome.status === 'fulfilled' ? [outcome.value.position] : []));
    // The retry answers the first one's position; every other append its own, consecutive.
    expect(positions[2]).toBe(positions[3]);
    const distinct = [...new Set(positions)];
    expect(distinct).toEqual(distinct.map((_, i) => distinct[0]! + BigInt(i)));
    expect((await store.readStream('tender-1')).map((event) => event.type)).toEqual(['A', 'B']);
    expect(await store.readStream('tender-2')).toHaveLength(1);
    expect(await store.verifyAll()).toMatchObject({ ok: true });
    await store.close();
  });
});
