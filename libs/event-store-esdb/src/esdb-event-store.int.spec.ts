import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { describeEventStoreContract } from '@presales/event-store/testing';
import { EsdbEventStore } from './esdb-event-store.js';

/**
 * The shared contract against a real EventStoreDB / KurrentDB, when EVENTSTORE_URL names one
 * (docs/eventstoredb.md: a throwaway `--insecure` container is enough). Every test writes
 * streams of its own, but verifyAll reads the whole server: use a server of its own.
 */
const url = process.env['EVENTSTORE_URL']?.trim();
const WRITER = resolve(__dirname, '..', 'dist', 'testing', 'writer-process.js');

describeEventStoreContract(
  'eventstoredb',
  url === undefined || url === ''
    ? { engine: 'eventstoredb', skip: 'EVENTSTORE_URL is not set (e.g. EVENTSTORE_URL=esdb://localhost:2113?tls=false); see docs/eventstoredb.md' }
    : {
        open: async () => {
          if (!existsSync(WRITER)) throw new Error(`${WRITER} is missing: run \`npx nx run event-store-esdb:build\` (nx test does it first)`);
          const store = await EsdbEventStore.connect({ url });
          return {
            store,
            spawnWriter: () => spawn(process.execPath, [WRITER, url], { stdio: ['pipe', 'pipe', 'pipe'] }),
            cleanup: () => store.close(),
          };
        },
      },
);
