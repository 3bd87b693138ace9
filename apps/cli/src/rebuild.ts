import type { RebuildStatus } from '@presales/contracts';
import { reportFailure } from './cli-error.js';
import { callPlatform, platformUrl } from './platform-client.js';
import { renderProgress } from './progress-bar.js';

const POLL_MS = 250;

/** `presales rebuild`: asks the running platform to rebuild every read model and shows progress. */
export async function runRebuild(options: Readonly<Record<string, string>>): Promise<number> {
  const base = platformUrl(options);
  const interactive = process.stderr.isTTY === true;
  let lastPrinted = 0;
  try {
    let status = await callPlatform<RebuildStatus>(base, '/api/admin/rebuild', { method: 'POST' });
    while (status.state === 'running') {
      const line = renderProgress({ done: status.projected, total: status.total, elapsedMs: status.elapsedMs });
      if (interactive) process.stderr.write(`\r${line}`);
      else if (Date.now() - lastPrinted > 2000) {
        process.stderr.write(`${line}\n`);
        lastPrinted = Date.now();
      }
      await new Promise((resolve) => setTimeout(resolve, POLL_MS));
      status = await callPlatform<RebuildStatus>(base, '/api/admin/rebuild');
    }
    if (interactive) process.stderr.write('\n');
    if (status.state === 'failed') {
      console.error(`presales rebuild: failed after ${status.projected} events: ${status.error ?? 'unknown error'}`);
      return 1;
    }
    console.log(
      `${renderProgress({ done: status.projected, total: status.total, elapsedMs: status.elapsedMs })}\nrebuilt every read model up to position ${status.position} in ${status.elapsedMs} ms`,
    );
    return 0;
  } catch (error) {
    return reportFailure('rebuild', error);
  }
}
