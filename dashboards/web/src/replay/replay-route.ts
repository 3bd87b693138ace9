import type { LocationQuery, LocationQueryRaw } from 'vue-router';

/** The panels under the timeline; the one open is in the URL. */
export const REPLAY_TABS = ['state', 'diff', 'proof', 'chains', 'evidence', 'reads'] as const;
export type ReplayTab = (typeof REPLAY_TABS)[number];

/**
 * Everything a replay link carries, so an auditor can send a colleague to the same moment:
 * the search, the timeline's filters, the moment and stream of the state, the diff's two moments, the panel.
 */
export interface ReplayQuery {
  readonly q: string;
  readonly page: number;
  /** Timeline filters. */
  readonly stream: string | null;
  readonly actor: string | null;
  /** The stream whose state and diff are shown; null: the tender's. */
  readonly of: string | null;
  /** The slider's moment (an ISO time, store time); null: the latest event. */
  readonly at: string | null;
  /** The diff's moments: an ISO time, a revision number or `head`. */
  readonly from: string | null;
  readonly to: string;
  readonly tab: ReplayTab;
}

const text = (value: unknown): string | null => (typeof value === 'string' && value.trim() !== '' ? value : null);

export function parseReplayQuery(query: LocationQuery): ReplayQuery {
  const page = Number(text(query['page']) ?? '1');
  const tab = text(query['tab']);
  return {
    q: text(query['q']) ?? '',
    page: Number.isInteger(page) && page >= 1 ? page : 1,
    stream: text(query['stream']),
    actor: text(query['actor']),
    of: text(query['of']),
    at: text(query['at']),
    from: text(query['from']),
    to: text(query['to']) ?? 'head',
    tab: REPLAY_TABS.includes(tab as ReplayTab) ? (tab as ReplayTab) : 'state',
  };
}

/** The URL's query for a replay state: defaults left out, so links stay short. */
export function replayQueryOf(query: ReplayQuery): LocationQueryRaw {
  const raw: Record<string, string> = {};
  if (query.q !== '') raw['q'] = query.q;
  if (query.page !== 1) raw['page'] = String(query.page);
  for (const key of ['stream', 'actor', 'of', 'at', 'from'] as const) {
    const value = query[key];
    if (value !== null) raw[key] = value;
  }
  if (query.to !== 'head') raw['to'] = query.to;
  if (query.tab !== 'state') raw['tab'] = query.tab;
  return raw;
}
