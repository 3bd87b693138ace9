import { EventStoreDBClient, StreamNotFoundError as EsdbStreamNotFound } from '@eventstore/db-client';
import { drain } from './drain.js';

/** EventStoreDB did not answer within the deadline; the message says what was tried and why it failed. */
export class EventStoreUnreachableError extends Error {
  constructor(
    readonly url: string,
    readonly reason: string,
  ) {
    super(`cannot reach EventStoreDB at ${url}: ${reason}`);
    this.name = 'EventStoreUnreachableError';
  }
}

/**
 * @eventstore/db-client 6.2 only parses lower-case `esdb://` and `esdb+discover://`; KurrentDB's
 * schemes (`kurrentdb`, `kurrent`, `kdb`, any case) mean the same. A string that turns off
 * `throwOnAppendFailure` is refused: the client would then answer a refused compare-and-set
 * (checkpoints, the hash chain's guard) as if it had succeeded.
 */
export function toClientConnectionString(url: string): string {
  if (/[?&]throwOnAppendFailure=false(?:&|$)/i.test(url)) {
    throw new Error(
      'throwOnAppendFailure=false is not supported: a refused append would pass as written; remove it from EVENTSTORE_URL',
    );
  }
  return url.replace(
    /^(?:esdb|kurrentdb|kurrent|kdb)(\+discover)?:\/\//i,
    (_match, discover: string | undefined) => `esdb${discover === undefined ? '' : '+discover'}://`,
  );
}

/**
 * Opens a client and proves the server answers, within `deadlineMs`. gRPC connects lazily
 * and cluster discovery retries for long, so without this an unreachable server would only
 * show as a hang at the first append; a bounded read makes start-up fail fast and say why.
 */
export async function connectWithDeadline(url: string, deadlineMs: number): Promise<EventStoreDBClient> {
  let client: EventStoreDBClient;
  try {
    client = EventStoreDBClient.connectionString(toClientConnectionString(url));
  } catch (error) {
    throw new EventStoreUnreachableError(url, `not a valid connection string (${message(error)})`);
  }
  let timer: NodeJS.Timeout | undefined;
  const deadline = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(`no answer within ${deadlineMs} ms`)), deadlineMs);
  });
  try {
    await Promise.race([ping(client, deadlineMs), deadline]);
    return client;
  } catch (error) {
    await client.dispose().catch(() => undefined);
    throw new EventStoreUnreachableError(url, conciseReason(error));
  } finally {
    clearTimeout(timer);
  }
}

/** A read of a stream that does not exist: "not found" is the answer of a live server. */
async function ping(client: EventStoreDBClient, deadlineMs: number): Promise<void> {
  try {
    await drain(client.readStream(`presales-ping-${crypto.randomUUID()}`, { maxCount: 1, deadline: deadlineMs }));
  } catch (error) {
    if (error instanceof EsdbStreamNotFound) return;
    throw error;
  }
}

/** gRPC's status text without its empty trailing notes: "14 UNAVAILABLE: … connect ECONNREFUSED 127.0.0.1:1". */
export function conciseReason(error: unknown): string {
  return message(error)
    .replace(/\s*Resolution note:.*$/s, '')
    .replace(/[\s.]+$/, '');
}

function message(error: unknown): string {
  return error instanceof Error ? error.message : String(error);
}
