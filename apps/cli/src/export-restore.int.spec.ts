import { randomUUID } from 'node:crypto';
import { createReadStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { DemoClock, generateDemo, loadDemo } from '@presales/demo';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { honestAppends } from '@presales/event-store/testing';
import { EVENT_SCHEMAS, kpiDecider, streamName } from '@presales/domain';
import {
  importJsonlFile,
  exportLines,
  jsonlItems,
  restoreExport,
  RestoreVerificationError,
} from '@presales/interchange';
import { definitionOf, KPI_CATALOG } from '@presales/kpi';

let dir: string;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'presales-restore-'));
});
afterEach(() => rmSync(dir, { recursive: true, force: true }));

async function exportTo(store: SqliteEventStore, path: string, options = {}): Promise<void> {
  const lines: string[] = [];
  for await (const line of exportLines(store, options)) lines.push(line);
  writeFileSync(path, lines.map((line) => `${line}\n`).join(''));
}

const source = (path: string) => () => jsonlItems(createReadStream(path));

describe('export and restore', () => {
  it('round-trips a demo history: same events, revisions, recordedAt and hashes, and the restored store verifies', async () => {
    const clock = new DemoClock();
    const original = SqliteEventStore.open({ file: join(dir, 'a.sqlite'), durability: 'normal', clock: clock.read });
    await loadDemo(generateDemo({ seed: 11, scale: 6000 }), original, clock);
    const file = join(dir, 'export.jsonl');
    await exportTo(original, file);
    const restored = SqliteEventStore.open({ file: join(dir, 'b.sqlite'), durability: 'normal' });
    const summary = await restoreExport(source(file), restored);
    const before = await original.readAll();
    expect(summary).toMatchObject({ events: before.length, restored: before.length, alreadyPresent: 0 });
    expect(await restored.readAll()).toEqual(before);
    expect(await restored.verifyAll()).toMatchObject({ ok: true, events: before.length });
    // Demo data was recorded at its business times, not at load time.
    expect(before.every((event) => event.metadata.recordedAt === event.metadata.occurredAt)).toBe(true);
    // A second restore of the same file writes nothing.
    expect(await restoreExport(source(file), restored)).toMatchObject({ restored: 0, alreadyPresent: before.length });
    await original.close();
    await restored.close();
  });

  it('exports from a position and by stream prefix, in $all order', async () => {
    const clock = new DemoClock();
    const store = SqliteEventStore.open({ file: join(dir, 'a.sqlite'), durability: 'normal', clock: clock.read });
    await loadDemo(generateDemo({ seed: 12, scale: 6000 }), store, clock);
    const lines: { stream: string; position: number }[] = [];
    for await (const line of exportLines(store, { fromPosition: 100n, streamPrefixes: ['tender-'] }))
      lines.push(JSON.parse(line) as { stream: string; position: number });
    expect(lines.length).toBeGreaterThan(0);
    expect(lines.every((line) => line.stream.startsWith('tender-') && line.position >= 100)).toBe(true);
    expect(lines.every((line, i) => i === 0 || line.position > lines[i - 1]!.position)).toBe(true);
    await store.close();
  });

  it('refuses a tampered export before writing anything, naming the line', async () => {
    const clock = new DemoClock();
    const original = SqliteEventStore.open({ file: join(dir, 'a.sqlite'), durability: 'normal', clock: clock.read });
    await loadDemo(generateDemo({ seed: 13, scale: 6000 }), original, clock);
    const file = join(dir, 'export.jsonl');
    await exportTo(original, file);
    const lines = readFileSync(file, 'utf8').split('\n');
    const target = lines.findIndex((line) => line.includes('"type":"BidSubmitted"'));
    lines[target] = lines[target]!.replace(/"channel":"\w+"/, '"channel":"email-forged"');
    writeFileSync(file, lines.join('\n'));
    const restored = SqliteEventStore.open({ file: join(dir, 'b.sqlite'), durability: 'normal' });
    const failure = await restoreExport(source(file), restored).catch((error: unknown) => error);
    expect(failure).toBeInstanceOf(RestoreVerificationError);
    expect((failure as RestoreVerificationError).findings[0]).toMatchObject({ line: target + 1 });
    expect((failure as RestoreVerificationError).findings[0]!.reason).toMatch(/edited/);
    expect(await restored.readAll()).toHaveLength(0);
    await original.close();
    await restored.close();
  });

  it('imports its own export into a fresh platform once: the catalog definitions that platform published at first start are already present', async () => {
    const clock = new DemoClock();
    const original = SqliteEventStore.open({ file: join(dir, 'a.sqlite'), durability: 'normal', clock: clock.read });
    await loadDemo(generateDemo({ seed: 14, scale: 3000 }), original, clock);
    const file = join(dir, 'export.jsonl');
    await exportTo(original, file);
    const fresh = honestAppends(SqliteEventStore.open({ file: join(dir, 'b.sqlite'), durability: 'normal' }));
    await publishCatalogAtFirstStart(fresh);
    const events = (await original.readAll()).length;
    const first = await importJsonlFile(file, fresh);
    expect(first.examples).toEqual([]);
    expect(first).toMatchObject({
      lines: events,
      appended: events - KPI_CATALOG.length,
      alreadyPresent: KPI_CATALOG.length,
      rejected: 0,
    });
    expect(await importJsonlFile(file, fresh)).toMatchObject({ appended: 0, alreadyPresent: events, rejected: 0 });
    await original.close();
    await fresh.close();
  });
});

/** What the platform does on its first start with DEMO_DATA=off: version 1 of every catalog KPI, by the system, now. */
async function publishCatalogAtFirstStart(store: SqliteEventStore): Promise<void> {
  const metadata = { occurredAt: new Date().toISOString(), actor: { id: 'platform', role: 'system' as const } };
  for (const catalog of KPI_CATALOG) {
    const events = kpiDecider.decide(
      { type: 'PublishKpiDefinition', data: { kpiId: catalog.id, definition: definitionOf(catalog) }, metadata },
      kpiDecider.initialState,
    );
    await store.appendToStream(
      streamName('kpi', catalog.id),
      events.map((event) => ({
        id: randomUUID(),
        type: event.type,
        data: event.data,
        metadata: { ...metadata, schemaVersion: EVENT_SCHEMAS[event.type].schemaVersion },
      })),
    );
  }
}
