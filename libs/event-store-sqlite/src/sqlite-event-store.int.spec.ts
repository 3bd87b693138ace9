import { spawn } from 'node:child_process';
import { existsSync, mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { describeEventStoreContract } from '@presales/event-store/testing';
import { SqliteEventStore } from './sqlite-event-store.js';

/** Compiled by the build target that `nx test` runs first; plain node cannot load TypeScript. */
const WRITER = resolve(__dirname, '..', 'dist', 'testing', 'writer-process.js');

describeEventStoreContract('sqlite', {
  open: async () => {
    if (!existsSync(WRITER))
      throw new Error(`${WRITER} is missing: run \`npx nx run event-store-sqlite:build\` (nx test does it first)`);
    const dir = mkdtempSync(join(tmpdir(), 'presales-es-'));
    const file = join(dir, 'events.sqlite');
    let now = new Date();
    const store = SqliteEventStore.open({ file, clock: () => now, pollIntervalMs: 20 });
    return {
      store,
      setClock: (date) => {
        now = date;
      },
      spawnWriter: () => spawn(process.execPath, [WRITER, file, 'full'], { stdio: ['pipe', 'pipe', 'pipe'] }),
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
