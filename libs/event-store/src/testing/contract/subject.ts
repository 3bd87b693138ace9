import type { SkippableEngine } from '../engine-skip.js';
import type { ChildProcess } from 'node:child_process';
import type { EventToAppend } from '../../envelope.js';
import type { EventStore } from '../../event-store.port.js';

export interface EventStoreUnderTest {
  readonly store: EventStore;
  /** Moves the store's clock (adapters that take an injected clock); used to check recordedAt and `$maxAge`. */
  readonly setClock?: (now: Date) => void;
  /**
   * Starts another OS process with its own connection to this same store, running
   * `serveWriterProtocol` (see ../writer-protocol.ts). Enables the two-process race and the
   * SIGKILL crash tests; adapters that cannot share a store across processes leave it out.
   */
  readonly spawnWriter?: () => ChildProcess;
  /**
   * Stops the store's server and starts it again with its data (the EventStoreDB test stand-in);
   * for the subscription-survives-a-restart case. Embedded stores have no server to restart.
   */
  readonly restartServer?: () => Promise<void>;
  /**
   * Writes, behind the port's back, a JSON event without the Presales envelope into `streamId`
   * (another application sharing an EventStoreDB). Stores only Presales Ledger writes to leave it out.
   */
  readonly writeForeignEvent?: (streamId: string) => Promise<void>;
  /** The store may hold other tests' events (a real server named by EVENTSTORE_URL): no "empty store" test. */
  readonly shared?: boolean;
  readonly cleanup: () => Promise<void>;
}

/** Either a way to open a fresh store, or the reason this adapter cannot run here. */
/** A store to test, or the engine it needs and why that engine is not there (see skipUnlessAvailable). */
export type EventStoreFactory =
  { readonly open: () => Promise<EventStoreUnderTest> } | { readonly skip: string; readonly engine: SkippableEngine };

/** The store under test in the current test; set by describeEventStoreContract's beforeEach. */
export type SubjectAccessor = () => EventStoreUnderTest;

let sequence = 0;
/** Unique per test run so suites can share a server (EventStoreDB) without colliding. */
export function uniqueStream(category: string): string {
  sequence += 1;
  return `${category}-${Date.now().toString(36)}${sequence}${Math.random().toString(36).slice(2, 8)}`;
}

export function anEvent(
  type: string,
  data: Record<string, unknown> = {},
  id: string = crypto.randomUUID(),
): EventToAppend {
  return {
    id,
    type,
    data,
    metadata: { occurredAt: '2026-01-15T10:00:00.000Z', actor: { id: 'u-1', role: 'consultant' }, schemaVersion: 1 },
  };
}

export async function waitFor(condition: () => boolean, timeoutMs = 5000): Promise<void> {
  const started = Date.now();
  while (!condition()) {
    if (Date.now() - started > timeoutMs) throw new Error(`condition not met within ${timeoutMs} ms`);
    await new Promise((resolve) => setTimeout(resolve, 10));
  }
}

/**
 * Lets time pass for the store: moves an injected clock, or really waits for a server that
 * stamps its own time (EventStoreDB's `$maxAge` uses the server's clock).
 */
export async function letTimePass(subject: EventStoreUnderTest, clock: { now: Date }, ms: number): Promise<void> {
  clock.now = new Date(clock.now.getTime() + ms);
  if (subject.setClock) subject.setClock(clock.now);
  else await new Promise((resolve) => setTimeout(resolve, ms));
}

export async function typesIn(store: EventStore, streamId: string): Promise<string[]> {
  return (await store.readStream(streamId)).map((event) => event.type);
}
