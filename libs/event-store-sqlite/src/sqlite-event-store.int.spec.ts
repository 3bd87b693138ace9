import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describeEventStoreContract } from '@presales/event-store/testing';
import { SqliteEventStore } from './sqlite-event-store.js';

describeEventStoreContract('sqlite', {
  open: async () => {
    const dir = mkdtempSync(join(tmpdir(), 'presales-es-'));
    let now = new Date();
    const store = SqliteEventStore.open({ file: join(dir, 'events.sqlite'), clock: () => now, pollIntervalMs: 20 });
    return {
      store,
      setClock: (date) => {
        now = date;
      },
      cleanup: async () => {
        await store.close();
        rmSync(dir, { recursive: true, force: true });
      },
    };
  },
});
