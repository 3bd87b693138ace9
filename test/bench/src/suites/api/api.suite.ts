import { median } from '../../measure.js';
import type { BenchContext, BenchSection, BenchSuite, Figure, Ratio } from '../../suite.js';
import { commandLoad, portAppendRate, type CommandLoadOptions, type LoadRun } from './command-load.js';
import { startBenchPlatform, startEmptyRoute } from './platform.js';

const CONCURRENCIES = [1, 16, 64] as const;
/** Issue 17's load: p99 at most 25 ms at 200 commands a second. */
const FIXED_RATE = 200;
const P99_TARGET_MS = 25;
/** Sockets the paced sender may open: enough that the platform, not the sender, makes a request wait. */
const PACED_CONNECTIONS = 64;

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
    label: `RegisterOpportunity over HTTP at ${FIXED_RATE} commands/s sent at an even pace, ${wait === 'waits' ? 'answered once projected' : 'answered once stored (Prefer: wait=0)'}`,
    connections: PACED_CONNECTIONS,
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
  const emptyRoute: number[] = [];
  const framework = await startEmptyRoute();
  try {
    for (let run = 0; run < context.runs; run += 1)
      emptyRoute.push((await commandLoad(framework, { connections: 16, wait: 'waits' })).perSecond);
  } finally {
    await framework.stop();
  }
  context.log(`empty route at 16: ${Math.round(median(emptyRoute))}/s`);
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
  figures.push({
    id: 'empty-route-16',
    label:
      'the framework alone: the same POST answered 201 by an empty NestJS route (Express, JSON body parsed; no sign-in, validation, store or log), 16 at once',
    unit: 'requests/s',
    samples: emptyRoute,
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
      {
        label: "ceiling of the first ratio in this stack: the empty NestJS route ÷ the port's own appends, 16 at once",
        of: 'empty-route-16',
        against: 'port-append-16',
      },
      {
        label:
          'HTTP commands answered once stored ÷ the empty NestJS route, 16 at once (what sign-in, validation, the append and the log leave of the framework’s rate)',
        of: 'command-rate-no-wait-16',
        against: 'empty-route-16',
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
        `The platform started as users run it (\`presales start\`, SQLite event store synchronous=FULL, chDB), the load from the bench process over loopback. ` +
        `Commands: POST /api/opportunities (RegisterOpportunity, a new opportunity each time) with an admin API token, ${CONCURRENCIES.join(', ')} connections at once (each sends its next request once answered, autocannon), then ${FIXED_RATE} commands/s sent at an even pace (an open loop: request i leaves at i/${FIXED_RATE} s whatever the answers do, over up to ${PACED_CONNECTIONS} connections, its latency counted from when it was due; decision 0049 says why not autocannon's rate option), 8 s each, every answer a 201. ` +
        'Each load twice: answered once the projection has the event (read your writes, the default) and answered once it is stored (`Prefer: wait=0`, RFC 7240). ' +
        `The target p99 ≤ ${P99_TARGET_MS} ms at ${FIXED_RATE}/s is judged on the stored answer: the projected one adds the projector's batching by design (decision 0005). ` +
        'Baseline: the same event through the event store port by 16 callers. ' +
        "The framework's own floor: the same POST answered by an empty NestJS route in a process of its own (no sign-in, validation, store or log), 16 connections: the port's rate is a group-committed insert of about a hundred microseconds an event, and the empty route's ratio to it is the most any route of this stack could reach. " +
        'The bench reads and drops what the platform logs (a line per request) as it comes (decision 0049).',
      figures: commands.figures,
      ratios: commands.ratios,
    };
  },
};
