import type { EventStore, EventToAppend } from '@presales/event-store';
import type { AppendMetrics } from '../metrics/append-metrics.js';
import { currentCorrelationId } from '../observability/request-context.js';

/**
 * The event store as the rest of the platform sees it: appends made while serving a request carry
 * that request's correlation id in their metadata (unless the writer set one), so an auditor can
 * join a request's log line to the events it recorded; every append is counted by event type.
 * Everything else passes through. Decision 0035.
 */
export class ObservedEventStore implements EventStore {
  constructor(
    private readonly inner: EventStore,
    private readonly appends: AppendMetrics,
  ) {}

  get engine(): string {
    return this.inner.engine;
  }

  get checkpoints(): EventStore['checkpoints'] {
    return this.inner.checkpoints;
  }

  async appendToStream(
    ...[streamId, events, options]: Parameters<EventStore['appendToStream']>
  ): ReturnType<EventStore['appendToStream']> {
    const result = await this.inner.appendToStream(streamId, withCorrelation(events, currentCorrelationId()), options);
    this.appends.appendedEvents(events.map((event) => event.type));
    return result;
  }

  readStream(...args: Parameters<EventStore['readStream']>): ReturnType<EventStore['readStream']> {
    return this.inner.readStream(...args);
  }

  readAll(...args: Parameters<EventStore['readAll']>): ReturnType<EventStore['readAll']> {
    return this.inner.readAll(...args);
  }

  subscribeToAll(...args: Parameters<EventStore['subscribeToAll']>): ReturnType<EventStore['subscribeToAll']> {
    return this.inner.subscribeToAll(...args);
  }

  countEventsAfter(...args: Parameters<EventStore['countEventsAfter']>): ReturnType<EventStore['countEventsAfter']> {
    return this.inner.countEventsAfter(...args);
  }

  deleteStream(...args: Parameters<EventStore['deleteStream']>): ReturnType<EventStore['deleteStream']> {
    return this.inner.deleteStream(...args);
  }

  tombstoneStream(...args: Parameters<EventStore['tombstoneStream']>): ReturnType<EventStore['tombstoneStream']> {
    return this.inner.tombstoneStream(...args);
  }

  getStreamMetadata(...args: Parameters<EventStore['getStreamMetadata']>): ReturnType<EventStore['getStreamMetadata']> {
    return this.inner.getStreamMetadata(...args);
  }

  setStreamMetadata(...args: Parameters<EventStore['setStreamMetadata']>): ReturnType<EventStore['setStreamMetadata']> {
    return this.inner.setStreamMetadata(...args);
  }

  verifyStream(...args: Parameters<EventStore['verifyStream']>): ReturnType<EventStore['verifyStream']> {
    return this.inner.verifyStream(...args);
  }

  verifyAll(): ReturnType<EventStore['verifyAll']> {
    return this.inner.verifyAll();
  }

  health(): ReturnType<EventStore['health']> {
    return this.inner.health();
  }

  close(): Promise<void> {
    return this.inner.close();
  }
}

function withCorrelation(
  events: readonly EventToAppend[],
  correlationId: string | undefined,
): readonly EventToAppend[] {
  if (correlationId === undefined) return events;
  return events.map((event) =>
    event.metadata.correlationId === undefined ? { ...event, metadata: { ...event.metadata, correlationId } } : event,
  );
}
