import { spawn } from 'node:child_process';
import { existsSync } from 'node:fs';
import { resolve } from 'node:path';
import { EventStoreDBClient, jsonEvent } from '@eventstore/db-client';
import { EsdbStandin } from '@presales/esdb-standin';
import { describeEventStoreContract, type EventStoreUnderTest } from '@presales/event-store/testing';
import { EsdbEventStore } from './esdb-event-store.js';

/**
 * The shared contract through this adapter and the real @eventstore/db-client over gRPC:
 * against the server EVENTSTORE_URL names (docs/eventstoredb.md: a throwaway `--insecure` node
 * of its own), or else against a fresh test stand-in per test (test/esdb-standin, an imitation
 * of a single node's streams protocol), which shares its clock with the adapter and can be
 * restarted.
 */
const url = process.env['EVENTSTORE_URL']?.trim();
const WRITER = resolve(__dirname, '..', 'dist', 'testing', 'writer-process.js');

/** Another application writing to the same server: plain JSON, no Presales envelope. */
async function writeForeign(target: string, streamId: string): Promise<void> {
  const client = EventStoreDBClient.connectionString(target);
  try {
    await client.appendToStream(streamId, jsonEvent({ type: 'SomethingElse', data: { from: 'another application' } }));
  } finally {
    await client.dispose();
  }
}

async function open(): Promise<EventStoreUnderTest> {
  if (!existsSync(WRITER))
    throw new Error(`${WRITER} is missing: run \`npx nx run event-store-esdb:build\` (nx test does it first)`);
  const writerOn = (target: string) => () =>
    spawn(process.execPath, [WRITER, target], { stdio: ['pipe', 'pipe', 'pipe'] });
  if (url !== undefined && url !== '') {
    const store = await EsdbEventStore.connect({ url });
    return {
      store,
      shared: true,
      spawnWriter: writerOn(url),
      writeForeignEvent: (stream) => writeForeign(url, stream),
      cleanup: () => store.close(),
    };
  }
  let now = new Date();
  const standin = await EsdbStandin.start({ clock: () => now });
  const store = await EsdbEventStore.connect({ url: standin.url, clock: () => now });
  return {
    store,
    setClock: (date) => {
      now = date;
    },
    spawnWriter: writerOn(standin.url),
    writeForeignEvent: (stream) => writeForeign(standin.url, stream),
    restartServer: () => standin.restart(),
    cleanup: async () => {
      await store.close();
      await standin.stop();
    },
  };
}

describeEventStoreContract(
  url === undefined || url === '' ? 'eventstoredb (test stand-in over gRPC)' : `eventstoredb at ${url}`,
  { open },
);
