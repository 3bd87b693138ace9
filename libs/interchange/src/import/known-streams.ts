import type { Reference } from '@presales/domain';
import { StreamNotFoundError, type EventStore } from '@presales/event-store';
import type { StreamStates } from './stream-states.js';

/**
 * Answers "is this stream on the record?" for references: a stream the import holds in memory
 * with events (stored or accepted from an earlier line), else one the store has (read once, one
 * event, and remembered: a stream once recorded never stops existing), else — only when the import
 * allows forward references — one a line of the same file records.
 */
export class KnownStreams {
  private readonly stored = new Set<string>();

  constructor(
    private readonly store: Pick<EventStore, 'readStream'>,
    private readonly states: StreamStates,
    private readonly recordedLaterInFile: ReadonlySet<string> = new Set(),
  ) {}

  /** The references that name nothing on the record; a promise only when the store must be asked. */
  missing(references: readonly Reference[]): Reference[] | Promise<Reference[]> {
    const unknown = references.filter((reference) => !this.knownInMemory(reference.stream));
    if (unknown.length === 0) return [];
    return Promise.all(unknown.map((reference) => this.inStore(reference.stream))).then((found) =>
      unknown.filter((_, index) => !found[index]),
    );
  }

  private knownInMemory(stream: string): boolean {
    if (this.stored.has(stream) || this.recordedLaterInFile.has(stream)) return true;
    const entry = this.states.peek(stream);
    return entry !== undefined && (entry.committedRevision !== undefined || entry.pending.length > 0);
  }

  private async inStore(stream: string): Promise<boolean> {
    try {
      const events = await this.store.readStream(stream, { maxCount: 1 });
      if (events.length > 0) this.stored.add(stream);
      return events.length > 0;
    } catch (error) {
      if (error instanceof StreamNotFoundError) return false;
      throw error;
    }
  }
}
