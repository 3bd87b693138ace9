import { resolve } from 'node:path';
import type { EventStore } from '@presales/event-store';
import { EsdbEventStore } from '@presales/event-store-esdb';
import { SqliteEventStore, type Durability } from '@presales/event-store-sqlite';
import { CliError } from './cli-error.js';

/** Where `presales demo|import|export` read and write: the platform's own configuration (README). */
export interface EventStoreTarget {
  readonly description: string;
  readonly store: EventStore;
  /** The SQLite adapter, when that is the target: it alone can restore and take a driven clock. */
  readonly sqlite: SqliteEventStore | undefined;
}

/**
 * Opens the event store the platform uses: EVENTSTORE_URL's EventStoreDB, or else the SQLite
 * file under --data-dir / DATA_DIR (default ./.data). The CLI writes to SQLite directly, next to
 * a running platform: WAL lets both write, and the platform's projector picks the events up.
 * Durability defaults to `normal` here: an import or demo load can be re-run (it is idempotent),
 * and fsync per append would make it several times slower; `--durability full` opts out.
 */
export async function openEventStoreTarget(
  options: Readonly<Record<string, string>>,
  clock?: () => Date,
): Promise<EventStoreTarget> {
  const durability = options['durability'] ?? 'normal';
  if (durability !== 'full' && durability !== 'normal')
    throw new CliError(`--durability ${durability}: must be full or normal`);
  const url = process.env['EVENTSTORE_URL']?.trim();
  if (url !== undefined && url !== '') {
    const store = await EsdbEventStore.connect({
      url,
      connectDeadlineMs: 5000,
      ...(clock === undefined ? {} : { clock }),
    });
    return { description: `EventStoreDB ${url}`, store, sqlite: undefined };
  }
  const dataDir = resolve(options['data-dir'] ?? process.env['DATA_DIR'] ?? '.data');
  const file = resolve(dataDir, 'events.sqlite');
  const sqlite = SqliteEventStore.open({
    file,
    durability: durability as Durability,
    ...(clock === undefined ? {} : { clock }),
  });
  return { description: `SQLite ${file}`, store: sqlite, sqlite };
}
