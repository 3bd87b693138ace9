import {
  DomainError,
  ENTITY_ID_PATTERN,
  EVENT_CATEGORIES,
  EVENT_SCHEMAS,
  aggregateFor,
  isDomainEventType,
  isIdentifiedByData,
  parseDomainEvent,
  parseStreamName,
  referencesOf,
  ValidationError,
  type Actor,
  type DomainEvent,
  type Reference,
} from '@presales/domain';
import {
  AppendTooLargeError,
  DuplicateEventIdError,
  WrongExpectedVersionError,
  type EventStore,
  type EventToAppend,
} from '@presales/event-store';
import { contentFingerprint, derivedEventId, factFingerprint } from '../line/event-id.js';
import { parseEnvelope, writerMetadataOf, type ImportCandidate } from '../line/import-line.js';
import type { ImportLine } from '../line/line-envelope.js';
import { LineRejectedError, reject, type Rejection, type RejectionCode } from './rejection.js';
import type { PendingEvent, StreamEntry } from './stream-entry.js';
import { KnownStreams } from './known-streams.js';
import { StreamStates } from './stream-states.js';

export interface ImportOptions {
  /** Lines validated between two appends: larger batches append more events per stream at once. */
  readonly batchLines?: number;
  /** Stream states kept in memory between batches; the rest are read from the store again when needed. */
  readonly cachedStreams?: number;
  readonly onRejected?: (rejection: Rejection) => void;
  /**
   * Who runs the import, recorded as `metadata.importedBy` on every appended event; the line's own
   * actor stays as the data says who did the fact. Not part of an event's identity or content, so
   * the same file imported again by someone else is still already present.
   */
  readonly importedBy?: Actor;
  readonly onProgress?: (progress: ImportProgress) => void;
  /**
   * Streams later lines of the same input record, which a reference may name before them (see
   * streamsRecordedIn). Without it, a reference must name a stream already in the store or recorded
   * on an earlier line.
   */
  readonly forwardReferences?: ReadonlySet<string>;
}

export interface ImportProgress {
  readonly lines: number;
  readonly appended: number;
  readonly alreadyPresent: number;
  readonly rejected: number;
}

export interface ImportSummary extends ImportProgress {
  readonly rejectedByCode: Readonly<Partial<Record<RejectionCode, number>>>;
}

/** What a source yields: a candidate to validate, or a line its reader already rejected (too long, bad UTF-8). */
export type ImportItem = ImportCandidate | { readonly rejection: Rejection };

/**
 * Validates lines in file order and appends the valid ones. Each line passes, in order: the
 * envelope, the stream's category, the event type, the payload schema (through the domain, with
 * upcasting), the id (a given or derived id already in the stream is "already present" when its
 * content matches and a rejection when it does not), an explicit revision, its references (the
 * opportunity, consultant, tender… it names must be on the record: the domain's REFERENCE_FIELDS),
 * and the aggregate's invariants, folded over the stream's history from the store and the file's
 * earlier lines.
 * Accepted events are appended per stream, every `batchLines` lines, in one atomic append guarded
 * by the expected revision: a stream is never half-written, and a concurrent writer makes the
 * append fail (and the lines be reported) rather than interleave.
 */
export class EventImporter {
  private readonly states: StreamStates;
  private readonly known: KnownStreams;
  private readonly batchLines: number;
  private lines = 0;
  private appended = 0;
  private alreadyPresent = 0;
  private rejected = 0;
  private readonly byCode: Partial<Record<RejectionCode, number>> = {};
  private linesInBatch = 0;

  constructor(
    private readonly store: Pick<EventStore, 'readStream' | 'appendToStream'>,
    private readonly options: ImportOptions = {},
  ) {
    this.batchLines = options.batchLines ?? 5000;
    this.states = new StreamStates(store, Math.max(options.cachedStreams ?? 50_000, 1));
    this.known = new KnownStreams(store, this.states, options.forwardReferences);
  }

  async run(items: AsyncIterable<ImportItem> | Iterable<ImportItem>): Promise<ImportSummary> {
    for await (const item of items) {
      this.lines += 1;
      if ('rejection' in item) this.record(item.rejection);
      else {
        // Most lines continue a stream already in memory and are validated synchronously: no promise per line.
        const loading = this.take(item);
        if (loading !== undefined) await loading;
      }
      this.linesInBatch += 1;
      if (this.linesInBatch >= this.batchLines) await this.flush();
    }
    await this.flush();
    return { ...this.progress(), rejectedByCode: { ...this.byCode } };
  }

  progress(): ImportProgress {
    return { lines: this.lines, appended: this.appended, alreadyPresent: this.alreadyPresent, rejected: this.rejected };
  }

  /** Validates one line; returns a promise only when the store must be read first (its stream's state, a reference). */
  private take(candidate: ImportCandidate): Promise<void> | undefined {
    let line: ImportLine;
    try {
      line = parseEnvelope(candidate);
      checkStreamAndType(candidate.line, line);
    } catch (error) {
      this.recordRejected(error);
      return undefined;
    }
    const cached = this.states.cached(line.stream);
    if (cached !== undefined) return this.validateAgainst(candidate.line, line, cached);
    return this.states.get(line.stream).then((entry) => this.validateAgainst(candidate.line, line, entry));
  }

  /** The payload, the id, an explicit revision and the references, against the stream's state; then the invariants. */
  private validateAgainst(lineNumber: number, line: ImportLine, entry: StreamEntry): Promise<void> | undefined {
    try {
      const pending = this.pendingEventOf(lineNumber, line);
      const known = entry.knownId(pending.toAppend.id);
      if (known !== undefined) return this.duplicate(lineNumber, line, pending, known);
      if (entry.knownFact(pending.fact)) {
        // The same definition recorded by someone else (another store's first start): the same fact.
        this.alreadyPresent += 1;
        return undefined;
      }
      if (line.revision !== undefined && BigInt(line.revision) !== entry.nextRevision) {
        reject({
          ...where(lineNumber, line),
          code: 'revision_out_of_order',
          reason: `revision = ${line.revision}: out of order, the stream's next revision is ${entry.nextRevision}`,
        });
      }
      try {
        // The stream's own rules first: they need no read of another stream.
        entry.check(pending);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        reject({ ...where(lineNumber, line), id: pending.toAppend.id, code: 'invariant', reason: error.message });
      }
      const missing = this.known.missing(referencesOf(pending.event));
      if (Array.isArray(missing)) return this.acceptIfReferenced(lineNumber, line, entry, pending, missing);
      return missing.then((found) => this.acceptIfReferenced(lineNumber, line, entry, pending, found));
    } catch (error) {
      this.recordRejected(error);
      return undefined;
    }
  }

  private acceptIfReferenced(
    lineNumber: number,
    line: ImportLine,
    entry: StreamEntry,
    pending: PendingEvent,
    missing: readonly Reference[],
  ): undefined {
    try {
      if (missing.length > 0) {
        const reason = missing.map(unknownReference).join('; ');
        reject({
          ...where(lineNumber, line),
          id: pending.toAppend.id,
          code: 'unknown_reference',
          reason: `${reason}; record it first, or import with --references forward when a later line of this file records it`,
        });
      }
      // Checked above against this same state: nothing ran in between.
      entry.accept(pending);
    } catch (error) {
      this.recordRejected(error);
    }
    return undefined;
  }

  private recordRejected(error: unknown): void {
    if (!(error instanceof LineRejectedError)) throw error;
    this.record(error.rejection);
  }

  private pendingEventOf(lineNumber: number, line: ImportLine): PendingEvent {
    let event: DomainEvent;
    try {
      event = parseDomainEvent(line.type, line.data, `line ${lineNumber}`, line.metadata.schemaVersion);
    } catch (error) {
      if (!(error instanceof ValidationError)) throw error;
      return reject({ ...where(lineNumber, line), code: 'invalid_data', reason: error.message });
    }
    const writer = writerMetadataOf(line.metadata);
    const id = line.id ?? derivedEventId(line.stream, event.type, event.data, writer);
    // Copied with Object.assign, not spread: a measurable share of each line's cost.
    const metadata = Object.assign(
      {},
      writer as { occurredAt: string; actor: EventToAppend['metadata']['actor'] },
      { schemaVersion: EVENT_SCHEMAS[event.type].schemaVersion },
      this.options.importedBy === undefined ? {} : { importedBy: this.options.importedBy },
    );
    const toAppend: EventToAppend = {
      id,
      type: event.type,
      data: event.data as Readonly<Record<string, unknown>>,
      metadata,
    };
    const fingerprint = contentFingerprint(event.type, event.data, writer);
    return isIdentifiedByData(event.type)
      ? { line: lineNumber, event, toAppend, fingerprint, fact: factFingerprint(event.type, event.data) }
      : { line: lineNumber, event, toAppend, fingerprint };
  }

  private duplicate(
    lineNumber: number,
    line: ImportLine,
    pending: PendingEvent,
    known: { fingerprint: string; revision: bigint | undefined },
  ): undefined {
    if (known.fingerprint === pending.fingerprint) {
      this.alreadyPresent += 1;
      return undefined;
    }
    const at = known.revision === undefined ? 'on an earlier line of this file' : `at revision ${known.revision}`;
    reject({
      ...where(lineNumber, line),
      id: pending.toAppend.id,
      code: 'duplicate_id',
      reason: `id = ${JSON.stringify(pending.toAppend.id)}: already recorded in ${line.stream} ${at} with other content`,
    });
  }

  /** Append every stream's pending events, one atomic append per stream, then trim the cache. */
  private async flush(): Promise<void> {
    this.linesInBatch = 0;
    for (const entry of this.states.withPending()) await this.appendPending(entry);
    this.states.trim();
    this.options.onProgress?.(this.progress());
  }

  private async appendPending(entry: StreamEntry): Promise<void> {
    try {
      const result = await this.store.appendToStream(
        entry.stream,
        entry.pending.map((pending) => pending.toAppend),
        { expectedRevision: entry.committedRevision ?? 'no_stream' },
      );
      this.appended += entry.pending.length;
      entry.commit(result.nextExpectedRevision);
    } catch (error) {
      // The store cannot say which of several ids it already holds elsewhere: find it one event at a time.
      // Likewise a batch over the store's append limit (EventStoreDB: 1 MiB by default) goes in one event at a time.
      if (error instanceof DuplicateEventIdError || error instanceof AppendTooLargeError)
        return this.appendOneByOne(entry);
      this.refuseBatch(entry, error);
    }
  }

  /**
   * A batch with an id the store already holds in another stream: append its events one by one,
   * each re-checked against the state its appended predecessors left, and reject those whose id
   * is taken (and those whose invariants depended on them).
   */
  private async appendOneByOne(entry: StreamEntry): Promise<void> {
    for (const pending of entry.rollBack()) {
      try {
        entry.accept(pending);
      } catch (error) {
        if (!(error instanceof DomainError)) throw error;
        this.record({ ...pendingWhere(entry, pending), code: 'invariant', reason: error.message });
        continue;
      }
      try {
        const result = await this.store.appendToStream(entry.stream, [pending.toAppend], {
          expectedRevision: entry.committedRevision ?? 'no_stream',
        });
        this.appended += 1;
        entry.commit(result.nextExpectedRevision);
      } catch (error) {
        entry.rollBack();
        if (!(error instanceof DuplicateEventIdError)) return this.refuseBatch(entry, error);
        this.record({
          ...pendingWhere(entry, pending),
          code: 'duplicate_id',
          reason: `id = ${JSON.stringify(pending.toAppend.id)}: already recorded in another stream with other content`,
        });
      }
    }
  }

  private refuseBatch(entry: StreamEntry, error: unknown): void {
    const reason =
      error instanceof WrongExpectedVersionError
        ? `the stream changed while importing (${error.message}); nothing of this batch was appended to it: run the import again`
        : `the store refused the append: ${(error as Error).message}`;
    for (const pending of entry.rollBack()) this.record({ ...pendingWhere(entry, pending), code: 'store', reason });
    // Read the stream again next time: the store no longer holds what was cached.
    this.states.forget(entry.stream);
  }

  private record(rejection: Rejection): void {
    this.rejected += 1;
    this.byCode[rejection.code] = (this.byCode[rejection.code] ?? 0) + 1;
    this.options.onRejected?.(rejection);
  }
}

/** The line's stream must be `<category>-<id>` of a known category, and its type an event of that category. */
function checkStreamAndType(lineNumber: number, line: ImportLine): void {
  const name = parseStreamName(line.stream);
  if (name === undefined || !ENTITY_ID_PATTERN.test(name.id)) {
    reject({
      ...where(lineNumber, line),
      code: 'unknown_stream',
      reason: `stream = ${JSON.stringify(line.stream)}: must be <category>-<id> with a known category and an id of [A-Za-z0-9_-]{1,64}`,
    });
  }
  const aggregate = aggregateFor(name.category);
  if (!Object.hasOwn(aggregate.events, line.type)) {
    const rule = isDomainEventType(line.type)
      ? `is a ${categoryOf(line.type)} event and cannot be recorded in a ${name.category} stream`
      : `is not an event type of the domain; a ${name.category} stream takes ${Object.keys(aggregate.events).join(', ')}`;
    reject({
      ...where(lineNumber, line),
      code: 'unknown_event_type',
      reason: `type = ${JSON.stringify(line.type)}: ${rule}`,
    });
  }
}

function unknownReference(reference: Reference): string {
  const id = reference.stream.slice(reference.stream.indexOf('-') + 1);
  return `${reference.field} = ${JSON.stringify(id)}: no ${reference.stream} on the record or on an earlier line`;
}

function where(line: number, envelope: ImportLine): Pick<Rejection, 'line' | 'stream' | 'type'> {
  return { line, stream: envelope.stream, type: envelope.type };
}

function pendingWhere(entry: StreamEntry, pending: PendingEvent): Pick<Rejection, 'line' | 'stream' | 'type' | 'id'> {
  return { line: pending.line, stream: entry.stream, type: pending.event.type, id: pending.toAppend.id };
}

function categoryOf(type: string): string {
  return isDomainEventType(type) ? EVENT_CATEGORIES[type] : 'unknown';
}
