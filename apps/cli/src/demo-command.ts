import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { DemoClock, demoEventLine, generateDemo, loadDemo, parseScale, type DemoOptions } from '@presales/demo';
import { CliError, reportFailure } from './cli-error.js';
import { openEventStoreTarget } from './event-store-target.js';

const KNOWN = new Set(['scale', 'seed', 'out', 'data-dir', 'durability', 'start', 'months']);

/** `presales demo [--scale small|medium|large|N] [--seed S] [--out FILE]`. */
export async function runDemo(
  positional: readonly string[],
  options: Readonly<Record<string, string>>,
): Promise<number> {
  try {
    const unknown = Object.keys(options).filter((name) => !KNOWN.has(name));
    if (unknown.length > 0 || positional.length > 0)
      throw new CliError(`unexpected ${unknown.length > 0 ? `option --${unknown[0]}` : `argument ${positional[0]}`}`);
    const demo = demoOptions(options);
    const started = Date.now();
    if (options['out'] !== undefined) {
      const count = await writeJsonl(options['out'], demo);
      console.log(
        `wrote ${count.toLocaleString('en-US')} demo events (seed ${demo.seed}) to ${options['out']} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return 0;
    }
    const clock = new DemoClock();
    const target = await openEventStoreTarget(options, clock.read);
    try {
      const head = await target.store.health();
      if (head.headPosition > 0n) {
        console.error(
          `presales demo: ${target.description} already holds events (head position ${head.headPosition}); demo data goes into an empty store only (use --out FILE, or another --data-dir)`,
        );
        return 1;
      }
      const { events } = await loadDemo(
        generateDemo(demo),
        target.store,
        clock,
        ({ events: done }) => process.stderr.write(`  loaded ${done.toLocaleString('en-US')} events\n`),
        50_000,
      );
      console.log(
        `loaded ${events.toLocaleString('en-US')} demo events (seed ${demo.seed}) into ${target.description} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
      );
      return 0;
    } finally {
      await target.store.close();
    }
  } catch (error) {
    return reportFailure('demo', error);
  }
}

function demoOptions(options: Readonly<Record<string, string>>): DemoOptions {
  const seed = Number(options['seed'] ?? '1');
  if (!Number.isSafeInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new CliError(`--seed ${options['seed']}: must be a whole number from 0 to 4294967295`);
  const months = options['months'] === undefined ? undefined : Number(options['months']);
  if (months !== undefined && (!Number.isInteger(months) || months < 1 || months > 120))
    throw new CliError(`--months ${options['months']}: must be a whole number from 1 to 120`);
  return {
    seed,
    scale: parseScale(options['scale'] ?? 'small'),
    ...(options['start'] === undefined ? {} : { startDate: options['start'] }),
    ...(months === undefined ? {} : { months }),
  };
}

/** Stream the JSONL out with backpressure: memory stays flat at any scale. */
async function writeJsonl(path: string, demo: DemoOptions): Promise<number> {
  const out = createWriteStream(path);
  let count = 0;
  let chunk = '';
  for (const event of generateDemo(demo)) {
    chunk += demoEventLine(event) + '\n';
    count += 1;
    if (chunk.length >= 256 * 1024) {
      if (!out.write(chunk)) await once(out, 'drain');
      chunk = '';
    }
  }
  out.end(chunk);
  await once(out, 'finish');
  return count;
}
