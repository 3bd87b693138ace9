import { median } from '../../measure.js';
import type { BenchContext, BenchSection, BenchSuite, Figure, Ratio } from '../../suite.js';
import { commandLoad, portAppendRate, type CommandLoadOptions, type LoadRun } from './command-load.js';
import { startBenchPlatform } from './platform.js';

const CONCURRENCIES = [1, 16, 64] as const;
/** Issue 17's load: p99 at most 25 ms at 200 commands a second. */
const FIXED_RATE = 200;
const P99_TARGET_MS = 25;

interface Load extends CommandLoadOptions {
  readonly id: string;
  readonly label: string;
}

const LOADS: readonly Load[] = [
  ...CONCURRENCIES.flatMap((connections) =>
    (['waits', 'no-wait'] as const).map((wait) => ({
      id: `${wait}-${connections}`,
      label: `RegisterOpportunity over HTTP, ${connections} at once, ${wait === 'waits' ? 'answered once projected' : 'answered once stored (Prefer: wait=0)'}`,
      connections,
      wait,
    })),
  ),
  ...(['waits', 'no-wait'] as const).map((wait) => ({
    id: `${wait}-rate`,
    label: `RegisterOpportunity over HTTP at ${FIXED_RATE} commands/s (16 connections), ${wait === 'waits' ? 'answered once projected' : 'answered once stored (Prefer: wait=0)'}`,
    connections: 16,
    wait,
    rate: FIXED_RATE,
  })),
];

async function commandFigures(context: BenchContext): Promise<{ figures: Figure[]; ratios: Ratio[] }> {
  const platform = await startBenchPlatform();
  const runs = new Map<string, LoadRun[]>(LOADS.map((load) => [load.id, []]));
  try {
    await commandLoad(platform, { connections: 4, wait: 'waits' }); // warm-up: the first requests pay for JIT and caches
    for (let run = 0; run < context.runs; run += 1) {
      for (const load of LOADS) {
        const measured = await commandLoad(platform, load);
        runs.get(load.id)!.push(measured);
        context.log(`${load.id}: p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${Math.round(measured.perSecond)}/s`);
      }
    }
  } finally {
    await platform.stop();
  }
  const port: number[] = [];
  for (let run = 0; run < context.runs; run += 1) port.push(await portAppendRate(16));
  context.log(`port appends at 16: ${Math.round(median(port))}/s`);
  const figures: Figure[] = LOADS.flatMap((load) => {
    const measured = runs.get(load.id)!;
    const judged = load.rate !== undefined && load.wait === 'no-wait';
    return [
      {
        id: `command-p50-${load.id}`,
        label: `${load.label}: p50 latency`,
        unit: 'ms',
        samples: measured.map((run) => run.p50),
        lowerIsBetter: true,
      },
      {
        id: `command-p99-${load.id}`,
        label: `the same, p99 latency`,
        unit: 'ms',
        samples: measured.map((run) => run.p99),
        lowerIsBetter: true,
        ...(judged ? { target: P99_TARGET_MS } : {}),
      },
      {
        id: `command-rate-${load.id}`,
        label: `the same, commands answered per second`,
        unit: 'commands/s',
        samples: measured.map((run) => run.perSecond),
      },
    ];
  });
  figures.push({
    id: 'port-append-16',
    label:
      'baseline: the same event appended through the event store port (SQLite, synchronous=FULL), 16 callers at once, no HTTP',
    unit: 'events/s',
    samples: port,
  });
  return {
    figures,
    ratios: [
      {
        label: "HTTP commands answered once stored ÷ the port's own appends, 16 at once",
        of: 'command-rate-no-wait-16',
        against: 'port-append-16',
        target: 0.5,
      },
      {
        label: "HTTP commands answered once projected ÷ the port's own appends, 16 at once",
        of: 'command-rate-waits-16',
        against: 'port-append-16',
      },
    ],
  };
}

export const apiSuite: BenchSuite = {
  name: 'api',
  async run(context: BenchContext): Promise<BenchSection> {
    const commands = await commandFigures(context);
    return {
      title: 'API over HTTP: commands',
      method:
        `The platform started as users run it (\`presales start\`, SQLite event store synchronous=FULL, chDB), the load from the bench process with autocannon over loopback. ` +
        `Commands: POST /api/opportunities (RegisterOpportunity, a new opportunity each time) with an admin API token, ${CONCURRENCIES.join(', ')} connections at once (each sends its next request once answered), then ${FIXED_RATE} commands/s from 16 connections, 8 s each, every answer a 201. ` +
        'Each load twice: answered once the projection has the event (read your writes, the default) and answered once it is stored (`Prefer: wait=0`, RFC 7240). ' +
        `The target p99 ≤ ${P99_TARGET_MS} ms at ${FIXED_RATE}/s is judged on the stored answer: the projected one adds the projector's batching by design (decision 0005). ` +
        'Baseline: the same event through the event store port by 16 callers.',
      figures: commands.figures,
      ratios: commands.ratios,
    };
  },
};
