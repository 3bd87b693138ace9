import { compareUtcTimes, IsoUtcTime, validate } from '@presales/domain';
import type { RecordedEvent } from '@presales/event-store';

/**
 * A moment in one stream's life. `time`: the stream as the store held it then, i.e. its events
 * recorded (store time, never business time) at or before `at`. `revision`: up to and including
 * that revision. `head`: everything recorded so far.
 */
export type Moment =
  | { readonly kind: 'time'; readonly at: string }
  | { readonly kind: 'revision'; readonly revision: bigint }
  | { readonly kind: 'head' };

/** A moment in an answer, JSON-safe. */
export type MomentJson =
  | { readonly kind: 'time'; readonly at: string }
  | { readonly kind: 'revision'; readonly revision: string }
  | { readonly kind: 'head' };

export function momentJson(moment: Moment): MomentJson {
  return moment.kind === 'revision' ? { kind: 'revision', revision: moment.revision.toString() } : moment;
}

/**
 * A moment as written in a request: a revision number (`3`), an ISO-8601 UTC time
 * (`2026-03-15T12:00:00Z`) or `head`; absent means head. ValidationError names `path`.
 */
export function parseMoment(text: string | undefined, where: string, path: string): Moment {
  if (text === undefined || text === 'head') return { kind: 'head' };
  if (/^\d{1,18}$/.test(text)) return { kind: 'revision', revision: BigInt(text) };
  const at = validate(IsoUtcTime, text, `${where} ${path} (a revision number, an ISO-8601 UTC time or head)`);
  return { kind: 'time', at };
}

/**
 * How many leading events of a stream (in revision order) the moment covers. For a time, the
 * prefix ends at the first event recorded after it: a stream is appended in order, so even if
 * the clock stepped back, what the store held at a time is a prefix, never a subset with holes.
 * Undefined for a revision the events do not reach.
 */
export function prefixLength(events: readonly RecordedEvent[], moment: Moment): number | undefined {
  switch (moment.kind) {
    case 'head':
      return events.length;
    case 'revision': {
      const index = events.findIndex((event) => event.revision === moment.revision);
      return index === -1 ? undefined : index + 1;
    }
    case 'time': {
      const after = events.findIndex((event) => compareUtcTimes(event.metadata.recordedAt, moment.at) > 0);
      return after === -1 ? events.length : after;
    }
  }
}

/** Whether a page of events already goes past the moment, so later pages cannot matter. */
export function passesMoment(events: readonly RecordedEvent[], moment: Moment): boolean {
  const last = events[events.length - 1];
  if (last === undefined) return false;
  if (moment.kind === 'revision') return last.revision >= moment.revision;
  if (moment.kind === 'time') return compareUtcTimes(last.metadata.recordedAt, moment.at) > 0;
  return false;
}
