import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { bidHistory, buildEvidencePack, LinkIndex, parseMoment, stateAsOf, verifyStoreChains } from '@presales/audit';
import type { BenchContext, BenchSection, BenchSuite, Figure } from '../../suite.js';
import { recordBids, recordLongOpportunity, scriptedStore } from './audit-fixtures.js';

/** Bids recorded around the measured one: the history's link search reads the whole log. */
const BACKGROUND_BIDS = (process.env['BENCH_AUDIT_BIDS'] ?? '300,3000').split(',').map(Number);
const LONG_STREAM_EVENTS = 10_000;
const LONG_STREAM_START = new Date('2026-01-01T00:00:00Z');

async function timedMs(work: () => unknown): Promise<number> {
  const started = process.hrtime.bigint();
  await work();
  return Number(process.hrtime.bigint() - started) / 1e6;
}

const toMicroseconds = (ms: number) => ms * 1000;

/** `runs` timings after one warm-up run, whose value is dropped. */
async function samples(runs: number, work: () => unknown): Promise<number[]> {
  await work();
  const values: number[] = [];
  for (let run = 0; run < runs; run += 1) values.push(await timedMs(work));
  return values;
}

async function longStreamFigures(context: BenchContext): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'presales-bench-audit-'));
  const { store, setClock } = scriptedStore(join(dir, 'events.sqlite'));
  try {
    context.log(`state as of: recording one stream of ${LONG_STREAM_EVENTS.toLocaleString('en-US')} events`);
    await recordLongOpportunity(store, setClock, 'long', LONG_STREAM_EVENTS, LONG_STREAM_START);
    const last = new Date(LONG_STREAM_START.getTime() + (LONG_STREAM_EVENTS - 1) * 60_000).toISOString();
    const middle = new Date(LONG_STREAM_START.getTime() + (LONG_STREAM_EVENTS / 2) * 60_000).toISOString();
    const atEnd = await samples(context.runs, () =>
      stateAsOf(store, 'opportunity-long', parseMoment(last, 'bench', 'at')),
    );
    const atMiddle = await samples(context.runs, () =>
      stateAsOf(store, 'opportunity-long', parseMoment(middle, 'bench', 'at')),
    );
    context.log(`state as of the last of ${LONG_STREAM_EVENTS} events: ${atEnd[atEnd.length - 1]!.toFixed(1)} ms`);
    return [
      {
        id: 'state-as-of-10k-end',
        label: `state as of a time, stream of ${LONG_STREAM_EVENTS.toLocaleString('en-US')} events, the time after its last event (reads, verifies and folds all)`,
        unit: 'ms',
        samples: atEnd,
        target: 50,
        lowerIsBetter: true,
      },
      {
        id: 'state-as-of-10k-middle',
        label: `state as of a time halfway through the same stream (reads only as far as needed)`,
        unit: 'ms',
        samples: atMiddle,
        lowerIsBetter: true,
      },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

async function storeFigures(context: BenchContext, bids: number): Promise<Figure[]> {
  const dir = mkdtempSync(join(tmpdir(), 'presales-bench-audit-'));
  const { store, setClock } = scriptedStore(join(dir, 'events.sqlite'));
  try {
    context.log(`history: recording ${bids.toLocaleString('en-US')} bids`);
    const events = await recordBids(store, setClock, bids);
    const size = `${events.toLocaleString('en-US')} events`;
    const tenderId = `T-b${Math.floor(bids / 2)}`;
    const history = await bidHistory(store, tenderId);
    if (history.streams.length !== 6)
      throw new Error(`bench fixture: expected the tender and 5 linked streams, found ${history.streams.length}`);
    // First question: the links are found by reading the whole log.
    const firstMs = await samples(context.runs, () => bidHistory(store, tenderId));
    // Later questions, as the platform asks them: its LinkIndex reads only what was recorded since.
    const index = new LinkIndex(store);
    const findLinks = (t: string, o: string) => index.linksOf(t, o);
    const historyMs = await samples(context.runs, () => bidHistory(store, tenderId, findLinks));
    const packMs = await samples(context.runs, () =>
      buildEvidencePack(
        store,
        { tenderId, createdAt: new Date(), createdBy: { id: 'bench', role: 'auditor' } },
        findLinks,
      ),
    );
    const verifyRates: number[] = [];
    await verifyStoreChains(store);
    for (let run = 0; run < context.runs; run += 1) {
      const report = await verifyStoreChains(store);
      if (!report.ok) throw new Error('bench fixture: the store should verify');
      verifyRates.push((report.events / report.elapsedMs) * 1000);
    }
    context.log(
      `${size}: history ${firstMs[firstMs.length - 1]!.toFixed(1)} ms first, ${historyMs[historyMs.length - 1]!.toFixed(1)} ms later, verify ${Math.round(verifyRates[verifyRates.length - 1]!)} events/s`,
    );
    return [
      {
        id: `history-first-${events}`,
        label: `history of a tender with 5 linked streams, first question (links found by reading the whole log), store of ${size}`,
        unit: 'ms',
        samples: firstMs,
        lowerIsBetter: true,
      },
      // Below a millisecond: in µs, which the report's whole numbers can show.
      {
        id: `history-${events}`,
        label: `history of a tender with 5 linked streams, later questions (the platform's link index), store of ${size}`,
        unit: 'µs',
        samples: historyMs.map(toMicroseconds),
        target: 100_000,
        lowerIsBetter: true,
      },
      {
        id: `evidence-pack-${events}`,
        label: `evidence pack of the same tender (.tar in memory, later questions), store of ${size}`,
        unit: 'µs',
        samples: packMs.map(toMicroseconds),
        lowerIsBetter: true,
      },
      {
        id: `verify-all-${events}`,
        label: `full chain verification (every stream, head records and the $all ledger), store of ${size}`,
        unit: 'events/s',
        samples: verifyRates,
        target: 100_000,
      },
    ];
  } finally {
    await store.close();
    rmSync(dir, { recursive: true, force: true });
  }
}

/** State as of a time, the history of a bid and whole-store verification, on SQLite files. */
export const auditSuite: BenchSuite = {
  name: 'audit',
  async run(context: BenchContext): Promise<BenchSection> {
    const figures = [...(await longStreamFigures(context))];
    for (const bids of BACKGROUND_BIDS) figures.push(...(await storeFigures(context, bids)));
    return {
      title: 'Audit',
      method:
        'libs/audit against a SQLite file (synchronous=NORMAL), in process. State as of: one opportunity stream of 10,000 events recorded a minute apart ' +
        "(stage changes, whose evolve is constant-time), folded as of a time. History and evidence pack: the audit's dispute scenario recorded for many bids " +
        '(a tender, its opportunity, a quote, a war room, two consultants each), one bid in the middle asked for. The first question reads the whole log for links, so its time grows with the store; ' +
        'the platform keeps a link index, so later questions read only what was recorded since. ' +
        'Verification: `verifyAll` over the same store, events per second.',
      figures,
      ratios: [],
    };
  },
};
