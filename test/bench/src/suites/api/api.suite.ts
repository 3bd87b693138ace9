import { median } from '../../measure.js';
import type { BenchContext, BenchSection, BenchSuite, Figure, Ratio } from '../../suite.js';
import { commandLoad, portAppendRate, type LoadRun } from './command-load.js';
import { startBenchPlatform } from './platform.js';

const CONCURRENCIES = [1, 16, 64] as const;

async function commandFigures(context: BenchContext): Promise<{ figures: Figure[]; ratios: Ratio[] }> {
  const platform = await startBenchPlatform();
  const runs = new Map<number, LoadRun[]>(CONCURRENCIES.map((connections) => [connections, []]));
  try {
    await commandLoad(platform, 4); // warm-up: the first requests pay for JIT and caches
    for (let run = 0; run < context.runs; run += 1) {
      for (const connections of CONCURRENCIES) {
        const measured = await commandLoad(platform, connections);
        runs.get(connections)!.push(measured);
        context.log(
          `commands at ${connections}: p50 ${measured.p50} ms, p99 ${measured.p99} ms, ${Math.round(measured.perSecond)}/s`,
        );
      }
    }
  } finally {
    await platform.stop();
  }
  const port: number[] = [];
  for (let run = 0; run < context.runs; run += 1) port.push(await portAppendRate(16));
  context.log(`port appends at 16: ${Math.round(median(port))}/s`);
  const figures: Figure[] = CONCURRENCIES.flatMap((connections) => {
    const measured = runs.get(connections)!;
    return [
      {
        id: `command-p50-${connections}`,
        label: `RegisterOpportunity over HTTP, ${connections} at once: p50 latency`,
        unit: 'ms',
        samples: measured.map((run) => run.p50),
        lowerIsBetter: true,
      },
      {
        id: `command-p99-${connections}`,
        label: `the same, p99 latency`,
        unit: 'ms',
        samples: measured.map((run) => run.p99),
        lowerIsBetter: true,
        ...(connections === 16 ? { target: 25 } : {}),
      },
      {
        id: `command-rate-${connections}`,
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
        label: "HTTP commands ÷ the port's own appends, 16 at once",
        of: 'command-rate-16',
        against: 'port-append-16',
        target: 0.5,
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
        `Commands: POST /api/opportunities (RegisterOpportunity, a new opportunity each time) with an admin API token, ${CONCURRENCIES.join(', ')} connections at once, 8 s each, every answer a 201 ` +
        '(sign-in, validation, append, and the wait until the projection has it). Baseline: the same event through the event store port by 16 callers.',
      figures: commands.figures,
      ratios: commands.ratios,
    };
  },
};
