import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';

/** A database file in a fresh temporary folder, removed by `dispose`. */
export function tempDatabase(): { file: string; dispose: () => void } {
  const dir = mkdtempSync(join(tmpdir(), 'presales-bench-'));
  return { file: join(dir, 'events.sqlite'), dispose: () => rmSync(dir, { recursive: true, force: true }) };
}
