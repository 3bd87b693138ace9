/**
 * A second OS process on the same SQLite file, for the contract's two-process race and
 * SIGKILL crash tests: `node dist/testing/writer-process.js <file> [full|normal]`. Runs from
 * `dist/` (plain node, no TypeScript), which the Nx test target builds first.
 */
import { serveWriterProtocol } from '@presales/event-store/testing/writer';
import { SqliteEventStore } from '../sqlite-event-store.js';

const [file, durability = 'full'] = process.argv.slice(2);
if (file === undefined || (durability !== 'full' && durability !== 'normal')) {
  console.error('usage: writer-process.js <sqlite file> [full|normal]');
  process.exit(2);
}
serveWriterProtocol(SqliteEventStore.open({ file, durability, pollIntervalMs: 20 })).catch((error: unknown) => {
  console.error(error);
  process.exit(1);
});
