import { createInterface } from 'node:readline';
import type { EventToAppend } from '../envelope.js';
import type { EventStore } from '../event-store.port.js';
import type { ExpectedRevision } from '../options.js';

/**
 * The line protocol between a contract test and a writer in another OS process: one JSON
 * object per line, commands on the child's stdin, replies on its stdout. Kept free of test
 * framework imports so that a plain `node` child can load it from `dist/`.
 */
export type WriterCommand =
  /** One append of `count` events typed `<tag>`, answered by `appended` or `rejected`. */
  | {
      readonly op: 'append';
      readonly stream: string;
      readonly expectedRevision: string;
      readonly tag: string;
      readonly count: number;
    }
  /** Appends `batches` batches of `size` events, one after the other, acking each. */
  | { readonly op: 'appendBatches'; readonly stream: string; readonly batches: number; readonly size: number };

export type WriterReply =
  | { readonly kind: 'ready'; readonly pid: number }
  | { readonly kind: 'appended'; readonly nextExpectedRevision: string }
  | { readonly kind: 'rejected'; readonly error: string; readonly message: string }
  | { readonly kind: 'acked'; readonly batch: number }
  | { readonly kind: 'done' };

export function encodeExpectedRevision(expected: ExpectedRevision): string {
  return typeof expected === 'bigint' ? expected.toString() : expected;
}

export function decodeExpectedRevision(text: string): ExpectedRevision {
  return text === 'any' || text === 'no_stream' || text === 'stream_exists' ? text : BigInt(text);
}

/** The events of one batch; `data` says which batch and which member, so a reader can check completeness. */
export function batchEvents(tag: string, count: number, batch = 0): EventToAppend[] {
  return Array.from({ length: count }, (_, index) => ({
    id: crypto.randomUUID(),
    type: tag,
    data: { batch, index, of: count },
    metadata: {
      occurredAt: '2026-01-15T10:00:00.000Z',
      actor: { id: 'writer', role: 'system' as const },
      schemaVersion: 1,
    },
  }));
}

/** Child side: serve commands until stdin closes, then close the store. */
export async function serveWriterProtocol(store: EventStore): Promise<void> {
  const reply = (message: WriterReply) => process.stdout.write(`${JSON.stringify(message)}\n`);
  reply({ kind: 'ready', pid: process.pid });
  for await (const line of createInterface({ input: process.stdin })) {
    if (line.trim() === '') continue;
    const command = JSON.parse(line) as WriterCommand;
    if (command.op === 'append') {
      try {
        const result = await store.appendToStream(command.stream, batchEvents(command.tag, command.count), {
          expectedRevision: decodeExpectedRevision(command.expectedRevision),
        });
        reply({ kind: 'appended', nextExpectedRevision: result.nextExpectedRevision.toString() });
      } catch (error) {
        const failure = error instanceof Error ? error : new Error(String(error));
        reply({ kind: 'rejected', error: failure.constructor.name, message: failure.message });
      }
    } else {
      for (let batch = 0; batch < command.batches; batch += 1) {
        await store.appendToStream(command.stream, batchEvents('Batch', command.size, batch), {
          expectedRevision: 'any',
        });
        reply({ kind: 'acked', batch });
      }
      reply({ kind: 'done' });
    }
  }
  await store.close();
}
