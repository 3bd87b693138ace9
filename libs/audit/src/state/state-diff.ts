import { ValidationError, type StreamCategory } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import { auditEventOf, type AuditEvent, type EventLocation } from '../records/audit-event.js';
import type { ChainVerdict } from '../verification/chain-verdict.js';
import { compareLeaves, leavesByPath, type LeafChanges } from './json-paths.js';
import { prefixLength, type Moment, type MomentJson } from './moment.js';
import { toPlainJson } from './plain-json.js';
import { quoteLineChanges, type QuoteLineChanges } from './quote-line-changes.js';
import { prefixAt, readThrough } from './read-until.js';
import { stateOfPrefix, type StateAsOf } from './state-as-of.js';
import { streamSubject } from './stream-subject.js';

export interface MomentSummary {
  readonly moment: MomentJson;
  readonly through: EventLocation | null;
  readonly status: string;
}

/** What changed in a stream between two moments, and the events that changed it. */
export interface StateDiff {
  readonly streamId: string;
  readonly category: StreamCategory;
  readonly from: MomentSummary;
  readonly to: MomentSummary;
  /** The events recorded after `from` up to `to`, in revision order. */
  readonly events: readonly AuditEvent[];
  /** Every leaf of the state and the derived facts, by path (quote lines are in `quoteLines`). */
  readonly fields: LeafChanges;
  readonly quoteLines: QuoteLineChanges | null;
  /** The chain of every event through `to`. */
  readonly chain: ChainVerdict;
}

export async function diffStates(
  store: Pick<EventStore, 'readStream'>,
  streamId: string,
  from: Moment,
  to: Moment,
): Promise<StateDiff> {
  const subject = streamSubject(streamId, 'state diff');
  // Read through `to`: the last page runs past it whenever the stream does, so a `from` that
  // lies beyond `to` shows up as a longer prefix of what was read.
  const events = await readThrough(store, streamId, to);
  const toPrefix = prefixAt(streamId, events, to);
  const lastRead = events[events.length - 1]?.revision ?? -1n;
  const fromLength =
    prefixLength(events, from) ??
    (from.kind === 'revision' && from.revision > lastRead ? Infinity : prefixAt(streamId, events, from).length);
  if (fromLength > toPrefix.length) {
    throw new ValidationError('state diff', [
      { path: 'from', value: momentText(from), rule: 'must not be after `to`' },
    ]);
  }
  const before = stateOfPrefix(subject, from, toPrefix.slice(0, fromLength));
  const after = stateOfPrefix(subject, to, toPrefix);
  return {
    streamId,
    category: subject.category,
    from: summary(before),
    to: summary(after),
    events: toPrefix.slice(fromLength).map(auditEventOf),
    fields: compareLeaves(leaves(before), leaves(after)),
    quoteLines: quoteLineChanges(before.derived, after.derived),
    chain: after.chain,
  };
}

function momentText(moment: Moment): string {
  return moment.kind === 'revision' ? moment.revision.toString() : moment.kind === 'time' ? moment.at : 'head';
}

function summary(state: StateAsOf): MomentSummary {
  return { moment: state.moment, through: state.through, status: state.status };
}

/** Quote lines are compared line by line in `quoteLines`; listing them again here would say everything twice. */
function leaves(state: StateAsOf) {
  const isQuoteLines = (path: string) => /^(state\.revisions|derived\.revisions)\[\d+\]\.lines$/.test(path);
  const all = leavesByPath(state.state, 'state', isQuoteLines);
  return leavesByPath(toPlainJson(state.derived), 'derived', isQuoteLines, all);
}
