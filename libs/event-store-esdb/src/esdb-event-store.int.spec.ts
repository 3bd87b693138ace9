import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { afterAll } from 'vitest';
import { EsdbStandin } from '@presales/esdb-standin';
import { describeEventStoreContract, type EventStoreUnderTest } from '@presales/event-store/testing';
import { EsdbEventStore } from './esdb-event-store.js';

/**
 * The shared contract through this adapter and the real @eventstore/db-client over gRPC: against
 * the server EVENTSTORE_URL names (docs/eventstoredb.md: a throwaway `--insecure` node of its own),
 * or else against the test stand-in (test/esdb-standin), which imitates a single node's streams
 * protocol. The stand-in also shares its clock with the adapter and can be restarted.
 */
const url = process.env['EVENTSTORE_URL']?.trim();
const WRITER = resolve(__dirname, '..', 'dist', 'testing', 'writer-process.js');
let standin: EsdbStandin | undefined;
let now = new Date();
afterAll(() => standin?.stop());

async function open(): Promise<EventStoreUnderTest> {
  if (!existsSync(WRITER)) throw new Error(`${WRITER} is missing: run \`npx nx run event-store-esdb:build\` (nx test does it first)`);
  if (url !== undefined && url !== '') {
    const store = await EsdbEventStore.connect({ url });
    return { store, spawnWriter: () => spawn(process.execPath, [WRITER, url], { stdio: ['pipe', 'pipe', 'pipe'] }), cleanup: () => store.close() };
  }
  standin ??= await EsdbStandin.start({ clock: () => now });
  const target = standin;
  now = new Date();
  const store = await EsdbEventStore.connect({ url: target.url, clock: () => now });
  return {
    store,
    setClock: (date) => {
      now = date;
    },
    spawnWriter: () => spawn(process.execPath, [WRITER, target.url], { stdio: ['pipe', 'pipe', 'pipe'] }),
    restartServer: () => target.restart(),
    cleanup: () => store.close(),
  };
}

describeEventStoreContract(url === undefined || url === '' ? 'eventstoredb (test stand-in over gRPC)' : `eventstoredb at ${url}`, { open });
