import type { EventStore, RecordedEvent } from '@presales/event-store';
import type { AnalyticsStore, TableInsert } from '../analytics-store.port.js';
import { projectEvent } from '../projection/project-events.js';
import { EarlierEventMemory } from '../projection/earlier-events.js';
import { loadProjectionContext } from '../projection/projection-context.js';

/**
 * One batch of the log on its way into the analytics store: fed events in pages as they are
 * read, each row handed to its table's insert as it is projected, then sent with the tokens
 * `<table>:<from>-<to>` (DESIGN.md decision 7). Shared by the live projector and the rebuild so
 * both write identical rows; only the rebuild feeds one batch in several pages.
 */
export class ProjectionBatch {
  private readonly inserts = new Map<string, TableInsert>();
  private range: { readonly from: bigint; to: bigint } | undefined;
  private eventCount = 0;

  /** `earlier` remembers, across batches, the events rows copy from (decision 0016). */
  constructor(
    private readonly eventStore: EventStore,
    private readonly analytics: AnalyticsStore,
    private readonly earlier = new EarlierEventMemory(),
  ) {}

  get events(): number {
    return this.eventCount;
  }

  /** The tables this batch has rows for. */
  get tables(): ReadonlySet<string> {
    return new Set(this.inserts.keys());
  }

  /** The last position fed, if any. */
  get to(): bigint | undefined {
    return this.range?.to;
  }

  /** Events in `$all` order, after those fed before. */
  async add(events: readonly RecordedEvent[]): Promise<void> {
    if (events.length === 0) return;
    const context = await loadProjectionContext(this.eventStore, events, this.earlier);
    for (const event of events) projectEvent(event, context, (table, row) => this.insertInto(table).add(row));
    const to = events[events.length - 1]!.position;
    if (this.range === undefined) this.range = { from: events[0]!.position, to };
    else this.range.to = to;
    this.eventCount += events.length;
  }

  /**
   * Sends every table's rows at once, so an engine that writes off the event loop (chDB) has
   * them all while the caller goes on. Settles when every insert has finished, so a failed
   * batch is retried only once none of its inserts is still running.
   */
  async send(): Promise<void> {
    const range = this.range;
    if (range === undefined) return;
    const sent = [...this.inserts].map(([table, insert]) =>
      insert.send({ deduplicationToken: `${table}:${range.from}-${range.to}` }),
    );
    const failed = (await Promise.allSettled(sent)).find(
      (result): result is PromiseRejectedResult => result.status === 'rejected',
    );
    if (failed !== undefined) throw failed.reason;
  }

  private insertInto(table: string): TableInsert {
    let insert = this.inserts.get(table);
    if (insert === undefined) this.inserts.set(table, (insert = this.analytics.beginInsert(table)));
    return insert;
  }
}

/** Project one batch of events and insert its rows (the live projector's batch). */
/** Projects and sends one batch; resolves with the tables it wrote rows to. */
export async function writeBatch(
  eventStore: EventStore,
  analytics: AnalyticsStore,
  batch: readonly RecordedEvent[],
  earlier?: EarlierEventMemory,
): Promise<ReadonlySet<string>> {
  const projection = new ProjectionBatch(eventStore, analytics, earlier);
  await projection.add(batch);
  await projection.send();
  return projection.tables;
}
