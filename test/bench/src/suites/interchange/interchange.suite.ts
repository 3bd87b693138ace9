import { Readable } from 'node:stream';
import { demoEventLine, generateDemo } from '@presales/demo';
import type { EventToAppend } from '@presales/event-store';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { EventImporter, jsonlItems } from '@presales/interchange';
import { pairedRuns, throughput } from '../../measure.js';
import type { BenchContext, BenchSection, BenchSuite } from '../../suite.js';
import { tempDatabase } from '../event-store/temp-file.js';

const SEED = 42;
/** Lines between two appends, as the importer batches them. */
const BATCH_LINES = 5000;

/** The demo history as JSONL bytes, generated once: the input of both the import and its baseline. */
function demoFile(): { bytes: Buffer; lines: number } {
  const lines = [...generateDemo({ seed: SEED, scale: 'small' })].map(demoEventLine);
  return { bytes: Buffer.from(lines.join('\n') + '\n'), lines: lines.length };
}

/** Import end to end: split, parse, validate (schema, upcasting, invariants), append, into a fresh SQLite file. */
async function importRun(bytes: Buffer, lines: number): Promise<number> {
  const database = tempDatabase();
  const store = SqliteEventStore.open({ file: database.file, durability: 'normal' });
  try {
    return await throughput(lines, async () => {
      const summary = await new EventImporter(store, { batchLines: BATCH_LINES }).run(
        jsonlItems(Readable.from([bytes])),
      );
      if (summary.appended !== lines) throw new Error(`import appended ${summary.appended} of ${lines}`);
    });
  } finally {
    await store.close();
    database.dispose();
  }
}

/**
 * The raw append rate for the same events: the same per-stream batches of the same 5000-line
 * chunks, appended through the port without reading or validating anything.
 */
async function rawAppendRun(bytes: Buffer, lines: number): Promise<number> {
  const events = bytes
    .toString('utf8')
    .trim()
    .split('\n')
    .map((line) => JSON.parse(line) as EventToAppend & { stream: string });
  const database = tempDatabase();
  const store = SqliteEventStore.open({ file: database.file, durability: 'normal' });
  try {
    return await throughput(lines, async () => {
      for (let start = 0; start < events.length; start += BATCH_LINES) {
        const byStream = new Map<string, EventToAppend[]>();
        for (const event of events.slice(start, start + BATCH_LINES)) {
          const batch = byStream.get(event.stream) ?? [];
          batch.push({ id: event.id, type: event.type, data: event.data, metadata: event.metadata });
          byStream.set(event.stream, batch);
        }
        for (const [stream, batch] of byStream) await store.appendToStream(stream, batch);
      }
    });
  } finally {
    await store.close();
    database.dispose();
  }
}

export const interchangeSuite: BenchSuite = {
  name: 'interchange',
  async run({ runs, log }: BenchContext): Promise<BenchSection> {
    const generation: number[] = [];
    // One warm-up run, dropped; a different seed each run so no run replays another's work.
    for (let run = 0; run <= runs; run += 1) {
      let count = 0;
      const rate = await throughput(1, () => {
        for (const _event of generateDemo({ seed: SEED + run, scale: 'small' })) count += 1;
      });
      if (run > 0) generation.push(rate * count);
    }
    log(`demo generation: ${generation.map(Math.round).join(', ')} events/s`);
    const { bytes, lines } = demoFile();
    const paired = await pairedRuns(runs, async () => ({
      ours: await importRun(bytes, lines),
      baseline: await rawAppendRun(bytes, lines),
    }));
    log(
      `import: ${paired.ours.map(Math.round).join(', ')} events/s; raw append: ${paired.baseline.map(Math.round).join(', ')} events/s`,
    );
    return {
      title: 'Demo generation and import',
      method: `The small demo (seed ${SEED}, ${lines.toLocaleString('en-US')} events) generated through the deciders; then imported end to end from JSONL bytes (line splitting, JSON, envelope, schema, invariants folded per stream, one append per stream every ${BATCH_LINES} lines) into a fresh embedded SQLite store at the CLI's default durability (normal), against appending the same per-stream batches through the port without validation.`,
      figures: [
        { id: 'generation', label: 'demo generation', unit: 'events/s', samples: generation },
        { id: 'import', label: 'import, end to end', unit: 'events/s', samples: paired.ours, target: 20_000 },
        { id: 'raw', label: 'raw append, same batches', unit: 'events/s', samples: paired.baseline },
      ],
      ratios: [{ label: 'import ÷ raw append', of: 'import', against: 'raw', target: 0.6 }],
    };
  },
};
