/**
 * A second OS process on the same EventStoreDB, for the contract's two-process race and
 * SIGKILL crash tests: `node dist/testing/writer-process.js <url>`.
 */
import { serveWriterProtocol } from '@presales/event-store/testing/writer';
import { EsdbEventStore } from '../esdb-event-store.js';

const [url] = process.argv.slice(2);
if (url === undefined) {
  console.error('usage: writer-process.js <esdb url>');
  process.exit(2);
}
EsdbEventStore.connect({ url })
  .then(serveWriterProtocol)
  .catch((error: unknown) => {
    console.error(error);
    process.exit(1);
  });
