import type { AuditChainVerdict, AuditReadView, BidHistoryResponse } from '@presales/contracts';

/** One line of the merged timeline. */
export type TimelineEvent = BidHistoryResponse['events'][number];

/** The timeline's filters: one stream, one actor, or everything (null). */
export interface TimelineFilter {
  readonly stream: string | null;
  readonly actor: string | null;
}

export function filteredTimeline(events: readonly TimelineEvent[], filter: TimelineFilter): TimelineEvent[] {
  return events.filter(
    (event) =>
      (filter.stream === null || event.streamId === filter.stream) &&
      (filter.actor === null || event.actor.id === filter.actor),
  );
}

/** Every actor of the history, once, in the order they first acted. */
export function actorsOf(events: readonly TimelineEvent[]): string[] {
  return [...new Set(events.map((event) => event.actor.id))];
}

/** The streams a state can be read of: those the store could read, the tender's first. */
export function readableStreams(history: BidHistoryResponse): string[] {
  return history.streams.filter((stream) => stream.readable).map((stream) => stream.streamId);
}

/**
 * The slider's position for a moment: the last event recorded at or before it (store time, as
 * the API's `at` reads it). Before the first event, or with no moment, the slider stands at the end.
 */
export function positionOf(events: readonly TimelineEvent[], at: string | null): number {
  if (events.length === 0) return 0;
  if (at === null) return events.length - 1;
  const moment = Date.parse(at);
  let position = 0;
  events.forEach((event, index) => {
    if (Date.parse(event.recordedAt) <= moment) position = index;
  });
  return position;
}

/** A chain's verdict as the panels show it. */
export type ChainSummary =
  | { readonly kind: 'intact'; readonly events: number }
  | { readonly kind: 'broken'; readonly revision: string; readonly reason: string };

export function chainSummary(chain: AuditChainVerdict): ChainSummary {
  return chain.ok
    ? { kind: 'intact', events: chain.events }
    : { kind: 'broken', revision: chain.firstBrokenRevision, reason: chain.reason };
}

/** A value of the record as text: strings as they are, everything else as JSON. */
export function valueText(value: unknown): string {
  if (value === undefined) return '—';
  return typeof value === 'string' ? value : JSON.stringify(value);
}

/** `+60.000 s` / `−1 d 4 h`: how far the recorded submission lies from the deadline, for a reader. */
export function distanceText(ms: number): string {
  const sign = ms > 0 ? '+' : ms < 0 ? '−' : '';
  const abs = Math.abs(ms);
  if (abs < 60_000) return `${sign}${(abs / 1000).toFixed(3)} s`;
  const minutes = Math.floor(abs / 60_000);
  const days = Math.floor(minutes / 1440);
  const hours = Math.floor((minutes % 1440) / 60);
  const rest = minutes % 60;
  return `${sign}${[days > 0 ? `${days} d` : '', hours > 0 ? `${hours} h` : '', rest > 0 ? `${rest} min` : ''].filter(Boolean).join(' ')}`;
}

/** Whether an audit read asked about, or was answered from, one of these streams. */
export function aboutStreams(read: AuditReadView, streamIds: readonly string[]): boolean {
  return streamIds.includes(read.subject) || read.streams.some((stream) => streamIds.includes(stream));
}
