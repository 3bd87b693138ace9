import {
  aggregateFor,
  parseStreamName,
  STREAM_CATEGORIES,
  ValidationError,
  type AggregateEntry,
  type StreamCategory,
} from '@presales/domain';

export interface StreamSubject {
  readonly streamId: string;
  readonly category: StreamCategory;
  readonly aggregate: AggregateEntry;
}

/** A stream whose events a domain decider can fold; ValidationError (400) naming it otherwise. */
export function streamSubject(streamId: string, where: string): StreamSubject {
  const name = parseStreamName(streamId);
  if (name === undefined) {
    throw new ValidationError(where, [
      {
        path: 'streamId',
        value: streamId,
        rule: `must be <category>-<id> of a domain stream: ${STREAM_CATEGORIES.join(', ')}`,
      },
    ]);
  }
  return { streamId, category: name.category, aggregate: aggregateFor(name.category) };
}
