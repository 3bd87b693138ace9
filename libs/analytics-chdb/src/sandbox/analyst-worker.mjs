// One analyst query in a process of its own (decision 0024). The platform starts this file as an
// unprivileged user in a network namespace of its own, on a hard-linked snapshot of the analytics
// folder, writes the job to stdin and reads the engine's JSON answer from stdout. One query per
// process: nothing of one caller's session (settings, database, partial output) reaches another.
// Plain JavaScript, so the same file runs from the sources (tests) and from dist.
import { Session } from 'chdb';

/** @typedef {{ path: string, database?: string, sql: string, settings: string[], stream?: boolean }} Job */

const chunks = [];
for await (const chunk of process.stdin) chunks.push(chunk);
/** @type {Job} */
const job = JSON.parse(Buffer.concat(chunks).toString('utf8'));
try {
  const session = new Session(job.path, { connectionArgs: job.settings });
  if (job.database !== undefined) await session.queryAsync(`USE ${job.database}`);
  if (job.stream === true) {
    // An export: the engine's rows as it writes them, a line of names, one of types, then one
    // JSON array a row; a full pipe holds the engine back, so the worker's memory stays flat.
    for await (const chunk of session.queryStream(job.sql, { format: 'JSONCompactEachRowWithNamesAndTypes' })) {
      if (!process.stdout.write(chunk.raw())) await new Promise((drained) => process.stdout.once('drain', drained));
    }
    process.stdout.end(() => process.exit(0));
  } else {
    const result = await session.queryAsync(job.sql, { format: 'JSON' });
    process.stdout.write(result.bytes(), () => process.exit(0));
  }
} catch (error) {
  process.stderr.write(error instanceof Error ? error.message : String(error), () => process.exit(3));
}
