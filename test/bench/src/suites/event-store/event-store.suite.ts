import { SqliteEventStore, type Durability } from '@presales/event-store-sqlite';
import type { ReadAllStart } from '@presales/event-store';
import { pairedRuns, throughput } from '../../measure.js';
import type { BenchContext, BenchSection, BenchSuite, Figure, Ratio } from '../../suite.js';
import { batches, STREAMS } from './fixtures.js';
import { rawInsertThroughput, rawReadThroughput, readRows } from './raw-sqlite.js';
import { tempDatabase } from './temp-file.js';

/** Events appended per measured run, by batch size: enough for a steady rate, short enough to repeat. */
const APPEND_EVENTS: Record<number, number> = { 1: 4_000, 10: 20_000, 100: 50_000 };
const READ_EVENTS = 200_000;
const READ_PAGE = 1000;

/**
 * Appends through the port: round-robin over STREAMS streams, each call guarded by the
 * stream's exact revision, as the command side appends. Returns events/s and the file, whose
 * rows the raw baseline then inserts.
 */
async function appendRun(
  size: number,
  durability: Durability,
): Promise<{ rate: number; file: string; dispose: () => void }> {
  const database = tempDatabase();
  const store = SqliteEventStore.open({ file: database.file, durability });
  const calls = batches(APPEND_EVENTS[size]! / size, size);
  const revisions = new Map<string, bigint>();
  const rate = await throughput(calls.length * size, async () => {
    for (let call = 0; call < calls.length; call += 1) {
      const stream = `tender-${call % STREAMS}`;
      const result = await store.appendToStream(stream, calls[call]!, {
        expectedRevision: revisions.get(stream) ?? 'no_stream',
      });
      revisions.set(stream, result.nextExpectedRevision);
    }
  });
  await store.close();
  return { rate, ...database };
}

/** The same rows, inserted raw into a fresh file with the store's schema. */
async function rawRun(sourceFile: string, size: number, durability: Durability): Promise<number> {
  const rows = readRows(sourceFile);
  const target = tempDatabase();
  try {
    await SqliteEventStore.open({ file: target.file, durability }).close(); // creates the schema
    return rawInsertThroughput(target.file, durability, rows, size);
  } finally {
    target.dispose();
  }
}

async function appendFigures(
  context: BenchContext,
  size: number,
  durability: Durability,
  target?: number,
): Promise<{ figures: Figure[]; ratio: Ratio }> {
  const { ours, baseline: raw } = await pairedRuns(context.runs, async () => {
    const measured = await appendRun(size, durability);
    try {
      return { ours: measured.rate, baseline: await rawRun(measured.file, size, durability) };
    } finally {
      measured.dispose();
    }
  });
  const level = durability === 'normal' ? 'NORMAL' : 'FULL';
  const id = `append-${size}-${durability}`;
  context.log(`append ${size}/call synchronous=${level}: ${Math.round(ours[ours.length - 1]!)} events/s`);
  return {
    figures: [
      {
        id,
        label: `append through the port, ${size} event${size === 1 ? '' : 's'} per call, synchronous=${level}`,
        unit: 'events/s',
        samples: ours,
        ...(target === undefined ? {} : { target }),
      },
      {
        id: `${id}-raw`,
        label: `baseline: raw better-sqlite3 insert of the same rows, ${size} per transaction, synchronous=${level}`,
        unit: 'events/s',
        samples: raw,
      },
    ],
    ratio: {
      label: `append ÷ raw insert, ${size} per call, synchronous=${level}`,
      of: id,
      against: `${id}-raw`,
      ...(size === 100 && durability === 'normal' ? { target: 0.8 } : {}),
    },
  };
}

async function readFigures(context: BenchContext): Promise<Figure[]> {
  const database = tempDatabase();
  try {
    const store = SqliteEventStore.open({ file: database.file, durability: 'normal' });
    for (const [call, batch] of batches(READ_EVENTS / 100, 100).entries())
      await store.appendToStream(`tender-${call % STREAMS}`, batch);
    const { ours, baseline: raw } = await pairedRuns(context.runs, async () => ({
      ours: await throughput(READ_EVENTS, async () => {
        for (let start: ReadAllStart = {}; ;) {
          const page = await store.readAll({ ...start, maxCount: READ_PAGE });
          if (page.length < READ_PAGE) break;
          start = { afterPosition: page[page.length - 1]!.position };
        }
      }),
      baseline: rawReadThroughput(database.file, READ_PAGE),
    }));
    await store.close();
    context.log(`$all read: ${Math.round(ours[ours.length - 1]!)} events/s`);
    return [
      {
        id: 'read-all',
        label: `read $all through the port, pages of ${READ_PAGE} (${READ_EVENTS.toLocaleString('en-US')} events)`,
        unit: 'events/s',
        samples: ours,
        target: 200_000,
      },
      {
        id: 'read-all-raw',
        label: 'baseline: the same paged SELECT in raw better-sqlite3, rows not decoded',
        unit: 'events/s',
        samples: raw,
      },
    ];
  } finally {
    database.dispose();
  }
}

export const eventStoreSuite: BenchSuite = {
  name: 'event-store',
  async run(context): Promise<BenchSection> {
    const figures: Figure[] = [];
    const ratios: Ratio[] = [];
    for (const size of [1, 10, 100]) {
      const result = await appendFigures(context, size, 'normal', size === 100 ? 15_000 : undefined);
      figures.push(...result.figures);
      ratios.push(result.ratio);
    }
    const full = await appendFigures(context, 100, 'full');
    figures.push(...full.figures);
    ratios.push(full.ratio);
    figures.push(...(await readFigures(context)));
    ratios.push({
      label: '$all read ÷ raw SELECT (decoding JSON and building envelopes is the difference)',
      of: 'read-all',
      against: 'read-all-raw',
    });
    return {
      title: 'Event store: SQLite adapter',
      method:
        'A temporary file per run, WAL mode. Appends go through `SqliteEventStore.appendToStream` round-robin over ' +
        `${STREAMS} streams, each guarded by its exact expected revision, with realistic TenderReceived events: canonical JSON, ` +
        'recordedAt, per-stream hash chain, ledger hash and head record included. The baseline inserts the rows the store wrote ' +
        '(same table, indexes and synchronous level) with one prepared statement per transaction of the same size. ' +
        '`synchronous=FULL` is the default durability; its figure is for information.',
      figures,
      ratios,
    };
  },
};
