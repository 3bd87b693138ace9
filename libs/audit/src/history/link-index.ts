import { streamName } from '@presales/domain';
import type { EventStore, RecordedEvent } from '@presales/event-store';

/** The streams a tender's dispute may need, found from the events themselves. */
export interface LinkedStreams {
  readonly tenderStream: string;
  readonly opportunityStream: string;
  /** Quotes naming the tender or its opportunity. */
  readonly quoteStreams: readonly string[];
  /** War rooms naming the tender or its opportunity. */
  readonly warRoomStreams: readonly string[];
  /** Consultant stream → the ids of their assignments to the opportunity. */
  readonly assignments: ReadonlyMap<string, ReadonlySet<string>>;
}

/** The event types that create a link; everything else follows from the linked streams. */
const LINKING_TYPES = ['QuoteDrafted', 'WarRoomOpened', 'ConsultantAssigned'];
const PAGE = 5000;

/**
 * Which quotes, war rooms and consultant assignments name which tender or opportunity, learnt
 * from the `$all` log itself. References across streams are not checked by the domain
 * (docs/decisions/0006): a quote may be drafted before its tender arrives, a consultant assigned
 * before either, so only the whole log can say. The index reads it once, then before each
 * question only what was recorded since (it never misses a link recorded before the answer).
 * Built from the store, not from the read models: those could be edited without a trace. A link
 * whose event is later deleted from the file stays known, so the history still reads that
 * stream and its verification shows the gap.
 */
export class LinkIndex {
  /** Last `$all` position read; 0n (the port's "before everything") until the first read. */
  private position = 0n;
  private readonly streamsByReference = new Map<string, Set<string>>();
  private readonly firstSeen = new Map<string, bigint>();
  private readonly assignmentsByOpportunity = new Map<string, Map<string, Set<string>>>();
  private reading: Promise<void> = Promise.resolve();

  constructor(private readonly store: Pick<EventStore, 'readAll' | 'health'>) {}

  /** Every stream linked to the tender or its opportunity, in the order the log first named them. */
  async linksOf(tenderId: string, opportunityId: string): Promise<LinkedStreams> {
    await this.catchUp();
    const named = (kind: 'quote' | 'warroom') =>
      [
        ...new Set([
          ...(this.streamsByReference.get(`${kind}:tender:${tenderId}`) ?? []),
          ...(this.streamsByReference.get(`${kind}:opportunity:${opportunityId}`) ?? []),
        ]),
      ].sort((a, b) => (this.firstSeen.get(a)! < this.firstSeen.get(b)! ? -1 : 1));
    return {
      tenderStream: streamName('tender', tenderId),
      opportunityStream: streamName('opportunity', opportunityId),
      quoteStreams: named('quote'),
      warRoomStreams: named('warroom'),
      assignments: new Map(this.assignmentsByOpportunity.get(opportunityId) ?? []),
    };
  }

  /** Reads what the log holds now, so that the next question only reads what comes after. */
  warm(): Promise<void> {
    return this.catchUp();
  }

  /** One reader at a time; a failed read leaves the position where it was, for the next question to retry. */
  private catchUp(): Promise<void> {
    this.reading = this.reading.catch(() => undefined).then(() => this.readNewEvents());
    return this.reading;
  }

  private async readNewEvents(): Promise<void> {
    // Everything up to the head seen now is committed: the next question need not read it again,
    // even where no linking event lies at its end.
    const { headPosition } = await this.store.health();
    for (;;) {
      // Positions are opaque (EventStoreDB's are byte offsets): the store pages past the last one read.
      const page = await this.store.readAll({
        ...(this.position === 0n ? {} : { afterPosition: this.position }),
        maxCount: PAGE,
        filter: { eventTypes: LINKING_TYPES },
      });
      for (const event of page) this.learn(event);
      if (page.length < PAGE) break;
    }
    if (headPosition > this.position) this.position = headPosition;
  }

  private learn(event: RecordedEvent): void {
    this.position = event.position;
    const { data } = event;
    if (event.type === 'QuoteDrafted' || event.type === 'WarRoomOpened') {
      const kind = event.type === 'QuoteDrafted' ? 'quote' : 'warroom';
      for (const field of ['tenderId', 'opportunityId'] as const) {
        const id = data[field];
        if (typeof id === 'string')
          this.link(`${kind}:${field === 'tenderId' ? 'tender' : 'opportunity'}:${id}`, event);
      }
    } else if (
      event.type === 'ConsultantAssigned' &&
      typeof data['opportunityId'] === 'string' &&
      typeof data['assignmentId'] === 'string'
    ) {
      const consultants = this.assignmentsByOpportunity.get(data['opportunityId']) ?? new Map<string, Set<string>>();
      this.assignmentsByOpportunity.set(data['opportunityId'], consultants);
      consultants.set(event.streamId, (consultants.get(event.streamId) ?? new Set<string>()).add(data['assignmentId']));
    }
  }

  private link(reference: string, event: RecordedEvent): void {
    const streams = this.streamsByReference.get(reference) ?? new Set<string>();
    this.streamsByReference.set(reference, streams.add(event.streamId));
    if (!this.firstSeen.has(event.streamId)) this.firstSeen.set(event.streamId, event.position);
  }
}
