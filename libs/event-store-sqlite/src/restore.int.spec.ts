import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import type { RecordedEvent } from '@presales/event-store';
import { anEvent } from '@presales/event-store/testing';
import { RestoreRefusedError } from './restorer.js';
import { SqliteEventStore } from './sqlite-event-store.js';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'presales-restore-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function sourceWithHistory(): Promise<{ source: SqliteEventStore; events: RecordedEvent[] }> {
  let now = new Date('2024-01-02T03:04:05.000Z');
  const source = SqliteEventStore.open({ file: join(dir, 'source.sqlite'), clock: () => now });
  await source.appendToStream('tender-1', [anEvent('A'), anEvent('B')]);
  now = new Date('2024-02-01T00:00:00.000Z');
  await source.appendToStream('tender-2', [anEvent('C')]);
  await source.appendToStream('tender-1', [anEvent('D')]);
  return { source, events: await source.readAll() };
}

describe('restoreRecorded', () => {
  it('writes recorded events with their own recordedAt and hashes, and the result verifies', async () => {
    const { source, events } = await sourceWithHistory();
    const target = SqliteEventStore.open({ file: join(dir, 'target.sqlite') });
    expect(await target.restoreRecorded(events)).toEqual({ restored: 4, alreadyPresent: 0, position: 4n });
    expect(await target.readAll()).toEqual(events);
    expect(await target.verifyAll()).toMatchObject({ ok: true, streams: 2, events: 4 });
    // A restored stream takes ordinary appends afterwards.
    await target.appendToStream('tender-1', [anEvent('E')], { expectedRevision: 2n });
    expect(await target.verifyStream('tender-1')).toMatchObject({ ok: true, events: 4 });
    await source.close();
    await target.close();
  });

  it('skips what it already restored, so a re-run writes nothing', async () => {
    const { source, events } = await sourceWithHistory();
    const target = SqliteEventStore.open({ file: join(dir, 'target.sqlite') });
    await target.restoreRecorded(events.slice(0, 2));
    expect(await target.restoreRecorded(events)).toEqual({ restored: 2, alreadyPresent: 2, position: 4n });
    expect(await target.readAll()).toHaveLength(4);
    await source.close();
    await target.close();
  });

  it('refuses an edited event and writes nothing of its batch', async () => {
    const { source, events } = await sourceWithHistory();
    const target = SqliteEventStore.open({ file: join(dir, 'target.sqlite') });
    const edited = events.map((event, i) => (i === 2 ? { ...event, data: { ...event.data, forged: true } } : event));
    await expect(target.restoreRecorded(edited)).rejects.toThrow(RestoreRefusedError);
    await expect(target.restoreRecorded(edited)).rejects.toThrow(/hash does not match/);
    expect(await target.readAll()).toHaveLength(0);
    await source.close();
    await target.close();
  });

  it('refuses a gap in a stream and a prevHash that does not continue the chain', async () => {
    const { source, events } = await sourceWithHistory();
    const target = SqliteEventStore.open({ file: join(dir, 'target.sqlite') });
    await expect(target.restoreRecorded([events[1]!])).rejects.toThrow(/next revision is 0/);
    await target.appendToStream('tender-1', [anEvent('X')]);
    await expect(target.restoreRecorded([events[1]!])).rejects.toThrow(/prevHash/);
    await source.close();
    await target.close();
  });
});
