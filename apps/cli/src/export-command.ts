import { createWriteStream } from 'node:fs';
import { once } from 'node:events';
import { exportLines } from '@presales/interchange';
import { CliError, reportFailure } from './cli-error.js';
import { openEventStoreTarget } from './event-store-target.js';

const KNOWN = new Set(['from-position', 'streams', 'data-dir', 'durability']);

/** `presales export FILE.jsonl [--from-position N] [--streams prefix,prefix]`: `$all` order, with stamps and hashes. */
export async function runExport(
  positional: readonly string[],
  options: Readonly<Record<string, string>>,
): Promise<number> {
  try {
    const unknown = Object.keys(options).filter((name) => !KNOWN.has(name));
    if (unknown.length > 0) throw new CliError(`unknown option --${unknown[0]}`);
    const file = positional[0];
    if (file === undefined || positional.length > 1)
      throw new CliError('give one output file: presales export FILE.jsonl');
    const from = options['from-position'];
    if (from !== undefined && !/^\d+$/.test(from))
      throw new CliError(`--from-position ${from}: must be a whole number`);
    const streamPrefixes = options['streams']
      ?.split(',')
      .map((prefix) => prefix.trim())
      .filter((prefix) => prefix !== '');
    const target = await openEventStoreTarget(options);
    const started = Date.now();
    let count = 0;
    try {
      const out = createWriteStream(file);
      let chunk = '';
      for await (const line of exportLines(target.store, {
        ...(from === undefined ? {} : { fromPosition: BigInt(from) }),
        ...(streamPrefixes === undefined ? {} : { streamPrefixes }),
      })) {
        chunk += line + '\n';
        count += 1;
        if (chunk.length >= 256 * 1024) {
          if (!out.write(chunk)) await once(out, 'drain');
          chunk = '';
        }
      }
      out.end(chunk);
      await once(out, 'finish');
    } finally {
      await target.store.close();
    }
    console.log(
      `exported ${count.toLocaleString('en-US')} events from ${target.description} to ${file} in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    );
    return 0;
  } catch (error) {
    return reportFailure('export', error);
  }
}
