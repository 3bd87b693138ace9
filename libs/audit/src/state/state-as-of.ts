import type { StreamCategory } from '@presales/domain';
import type { EventStore, RecordedEvent } from '@presales/event-store';
import { locationOf, type EventLocation } from '../records/audit-event.js';
import type { ChainVerdict } from '../verification/chain-verdict.js';
import { deriveFacts, type DerivedFacts } from './derived-facts.js';
import { foldPrefix } from './fold-prefix.js';
import { momentJson, type Moment, type MomentJson } from './moment.js';
import { toPlainJson, type JsonValue } from './plain-json.js';
import { prefixAt, readThrough } from './read-until.js';
import { streamSubject, type StreamSubject } from './stream-subject.js';

/** A stream folded with its decider up to a moment. */
export interface StateAsOf {
  readonly streamId: string;
  readonly category: StreamCategory;
  readonly moment: MomentJson;
  /** The last event folded; null when the stream had no events yet at that moment. */
  readonly through: EventLocation | null;
  readonly eventsFolded: number;
  /** The decider state's status (`open`, `submitted`, `accepted`, … or `none`). */
  readonly status: string;
  readonly state: JsonValue;
  readonly derived: DerivedFacts;
  /** The chain of the events folded. */
  readonly chain: ChainVerdict;
}

export async function stateAsOf(
  store: Pick<EventStore, 'readStream'>,
  streamId: string,
  moment: Moment,
): Promise<StateAsOf> {
  const subject = streamSubject(streamId, 'state as of');
  const events = await readThrough(store, streamId, moment);
  return stateOfPrefix(subject, moment, prefixAt(streamId, events, moment));
}

/** The state after exactly `prefix`, the stream's first events. */
export function stateOfPrefix(subject: StreamSubject, moment: Moment, prefix: readonly RecordedEvent[]): StateAsOf {
  const folded = foldPrefix(subject.aggregate, subject.streamId, prefix);
  const last = prefix[prefix.length - 1];
  const status = (folded.state as { status?: unknown }).status;
  return {
    streamId: subject.streamId,
    category: subject.category,
    moment: momentJson(moment),
    through: last === undefined ? null : locationOf(last),
    eventsFolded: prefix.length,
    status: typeof status === 'string' ? status : 'unknown',
    state: toPlainJson(folded.state),
    derived: deriveFacts(subject.category, folded.domainEvents, prefix),
    chain: folded.chain,
  };
}
