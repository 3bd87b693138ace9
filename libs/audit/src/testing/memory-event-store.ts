import {
  canonicalJson,
  canonicalStampedMetadata,
  FindingsCollector,
  GENESIS_HASH,
  hashCanonicalEvent,
  matchesFilter,
  StreamChainVerifier,
  StreamNotFoundError,
  type EventStore,
  type EventToAppend,
  type ReadAllOptions,
  type ReadStreamOptions,
  type RecordedEvent,
  type RecordedMetadata,
  type StoreVerification,
  type StreamVerification,
} from '@presales/event-store';

/** What libs/audit reads and writes through the port. */
export type AuditedStore = Pick<
  EventStore,
  'engine' | 'appendToStream' | 'readStream' | 'readAll' | 'verifyStream' | 'verifyAll' | 'health'
>;

/**
 * The part of the EventStore port the audit uses, in memory, hashing and stamping exactly as the
 * adapters do (the port's own functions), plus head records like SQLite's. For the unit tests of
 * a port library, which may not import an adapter; test/e2e runs the same scenarios on SQLite.
 * `log` is public so tests can tamper with it the way someone with the file would.
 */
export class MemoryEventStore implements AuditedStore {
  readonly engine = 'memory';
  readonly log: RecordedEvent[] = [];
  readonly heads = new Map<string, { revision: bigint; hash: string }>();
  now = new Date('2026-01-01T00:00:00Z');

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
  ): Promise<{ nextExpectedRevision: bigint; position: bigint }> {
    const head = this.heads.get(streamId);
    let revision = head === undefined ? -1n : head.revision;
    let prevHash = head?.hash ?? GENESIS_HASH;
    const recordedAt = this.now.toISOString();
    for (const event of events) {
      revision += 1n;
      const data = canonicalJson(event.data);
      const metadata = canonicalStampedMetadata(event.metadata, recordedAt, prevHash);
      const hash = hashCanonicalEvent(prevHash, streamId, revision, event.type, data, metadata);
      const stamped = { ...(JSON.parse(metadata) as Omit<RecordedMetadata, 'hash'>), hash };
      this.log.push({
        id: event.id,
        type: event.type,
        streamId,
        revision,
        position: BigInt(this.log.length + 1),
        data: JSON.parse(data) as RecordedEvent['data'],
        metadata: stamped,
      });
      prevHash = hash;
    }
    this.heads.set(streamId, { revision, hash: prevHash });
    return { nextExpectedRevision: revision, position: BigInt(this.log.length) };
  }

  async readStream(streamId: string, options: ReadStreamOptions = {}): Promise<RecordedEvent[]> {
    const events = this.streamEvents(streamId);
    if (!this.heads.has(streamId)) throw new StreamNotFoundError(streamId);
    const from = options.fromRevision ?? 0n;
    return events.filter((event) => event.revision >= from).slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER);
  }

  async readAll(options: ReadAllOptions = {}): Promise<RecordedEvent[]> {
    const after = options.afterPosition;
    const from = options.fromPosition ?? 0n;
    return this.log
      .filter(
        (event) =>
          (after === undefined ? event.position >= from : event.position > after) &&
          matchesFilter(options.filter, event.streamId, event.type),
      )
      .slice(0, options.maxCount ?? Number.MAX_SAFE_INTEGER);
  }

  async health(): Promise<{ engine: string; headPosition: bigint }> {
    return {
      engine: this.engine,
      headPosition: this.log.reduce((max, event) => (event.position > max ? event.position : max), 0n),
    };
  }

  async verifyStream(streamId: string): Promise<StreamVerification> {
    if (!this.heads.has(streamId)) throw new StreamNotFoundError(streamId);
    const verifier = new StreamChainVerifier(streamId);
    for (const event of this.streamEvents(streamId)) verifier.accept(event);
    verifier.expectHead(this.heads.get(streamId));
    return verifier.verdict();
  }

  async verifyAll(): Promise<StoreVerification> {
    const findings = new FindingsCollector();
    for (const streamId of this.heads.keys()) findings.addStream(await this.verifyStream(streamId));
    return findings.result(this.heads.size, this.log.length);
  }

  /** Rows of a stream in revision order, as `SELECT … ORDER BY revision` returns them. */
  private streamEvents(streamId: string): RecordedEvent[] {
    return this.log
      .filter((event) => event.streamId === streamId)
      .sort((a, b) => (a.revision < b.revision ? -1 : a.revision > b.revision ? 1 : 0));
  }

  /** Replace the stored event at `streamId@revision` (an edit of the file). */
  tamper(streamId: string, revision: bigint, change: (event: RecordedEvent) => RecordedEvent): void {
    const index = this.log.findIndex((event) => event.streamId === streamId && event.revision === revision);
    this.log[index] = change(this.log[index]!);
  }

  /** Delete the stored event at `streamId@revision`. */
  remove(streamId: string, revision: bigint): void {
    this.log.splice(
      this.log.findIndex((event) => event.streamId === streamId && event.revision === revision),
      1,
    );
  }

  /** Swap the content of two events of a stream, leaving revisions and positions where they were. */
  swap(streamId: string, first: bigint, second: bigint): void {
    const a = this.log.findIndex((event) => event.streamId === streamId && event.revision === first);
    const b = this.log.findIndex((event) => event.streamId === streamId && event.revision === second);
    const [eventA, eventB] = [this.log[a]!, this.log[b]!];
    this.log[a] = { ...eventB, revision: eventA.revision, position: eventA.position };
    this.log[b] = { ...eventA, revision: eventB.revision, position: eventB.position };
  }
}
