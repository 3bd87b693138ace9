import { describe, expect, it } from 'vitest';
import type { AnalyticsStore, ScratchSession } from '../../analytics-store.port.js';
import type { SqlGate } from '../run-analyst-sql.js';
import { GatedQueryStore } from './gated-store.js';

/** A store whose scratch session records what it is sent; `batches`: it takes several statements in one call. */
function scratchStore(batches: boolean) {
  const sent: string[][] = [];
  const session: ScratchSession = {
    database: 'db',
    command: async (sql) => void sent.push([sql]),
    query: async <Row extends object>() => [] as Row[],
    ...(batches ? { commands: async (statements: readonly string[]) => void sent.push([...statements]) } : {}),
  };
  const store = { withScratchSession: (work: (s: ScratchSession) => Promise<unknown>) => work(session) };
  return { store: store as unknown as AnalyticsStore, sent };
}

/** The platform's own statements never reach the gate: it has nothing to parse them with here. */
const NO_GATE = {} as SqlGate;

describe('a gated store’s scratch session', () => {
  it('passes several statements through as one call where the store’s session takes them (decision 0050)', async () => {
    const { store, sent } = scratchStore(true);
    await new GatedQueryStore(store, NO_GATE).withScratchSession((session) =>
      session.commands!(['CREATE TEMPORARY TABLE a AS SELECT 1', 'DROP TEMPORARY TABLE a']),
    );
    expect(sent).toEqual([['CREATE TEMPORARY TABLE a AS SELECT 1', 'DROP TEMPORARY TABLE a']]);
  });

  it('offers no such call where the store’s session has none, so the caller sends each alone', async () => {
    const { store } = scratchStore(false);
    const offered = await new GatedQueryStore(store, NO_GATE).withScratchSession(async (session) => session.commands);
    expect(offered).toBeUndefined();
  });
});
