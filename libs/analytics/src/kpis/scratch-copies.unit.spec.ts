import { describe, expect, it } from 'vitest';
import type { AnalyticsStore, ScratchSession } from '../analytics-store.port.js';
import { ScratchCopies, withScratchCopies } from './scratch-copies.js';

/**
 * The order of a request's statements on its one session (decision 0045); that each table is
 * then read once is the engine's to prove (the maturity reads contract).
 */
function sessionStore(failing: (sql: string) => boolean = () => false, { batches = false } = {}) {
  const sent: string[] = [];
  const untagged = (sql: string) => sql.replace(/^\/\* maturity [\w-]+ \*\/ /, '');
  const run = async (sql: string) => {
    sent.push(untagged(sql));
    await new Promise((settle) => setTimeout(settle, 1));
    if (failing(sql)) throw new Error(`failed: ${sql}`);
  };
  const session: ScratchSession = {
    database: 'db',
    command: run,
    query: async <Row extends object>(sql: string) => (await run(sql), [] as Row[]),
    // As chDB runs a text of several statements: in order, stopping at the first that fails.
    ...(batches
      ? {
          commands: async (statements: readonly string[]) => {
            sent.push(`[${statements.map(untagged).join('; ')}]`);
            await new Promise((settle) => setTimeout(settle, 1));
            const failed = statements.find(failing);
            if (failed !== undefined) throw new Error(`failed: ${failed}`);
          },
        }
      : {}),
  };
  const store = { withScratchSession: (work: (s: ScratchSession) => Promise<unknown>) => work(session) };
  return { store: store as unknown as AnalyticsStore, sent };
}

const asOf = new Date(1000);
const copyOf = (table: string) =>
  `CREATE TEMPORARY TABLE scratch_${table} AS SELECT * FROM db.${table} FINAL PREWHERE recorded_at_ms <= 1000`;
const dropOf = (table: string) => `DROP TEMPORARY TABLE IF EXISTS scratch_${table}`;

describe('a request on its scratch copies', () => {
  it('copies each table once, before the first statement that names it, and drops the copies last', async () => {
    const { store, sent } = sessionStore();
    await withScratchCopies(store, { asOf, tag: 't' }, async (copies) => {
      const first = `SELECT * FROM ${copies.readTable('a')} JOIN ${copies.readTable('b')}`;
      const second = `SELECT * FROM ${copies.readTable('b')} JOIN ${copies.readTable('c')}`;
      await Promise.all([copies.query(first), copies.queryUserSql(second, 2)]);
    });
    expect(sent).toEqual([
      copyOf('a'),
      copyOf('b'),
      copyOf('c'),
      'SELECT * FROM scratch_a JOIN scratch_b',
      'SELECT * FROM scratch_b JOIN scratch_c',
      dropOf('a'),
      dropOf('b'),
      dropOf('c'),
    ]);
  });

  it('drops every copy begun, once every statement asked for has settled, when one fails', async () => {
    const { store, sent } = sessionStore((sql) => sql.includes('scratch_b AS SELECT'));
    let second: Promise<unknown> | undefined;
    const request = withScratchCopies(store, { asOf, tag: 't' }, async (copies) => {
      const failing = copies.query(`SELECT * FROM ${copies.readTable('a')}`);
      copies.readTable('b');
      // The request fails with the first statement; the second, already asked for, settles too.
      second = copies.query('SELECT 1');
      await Promise.all([failing, second]);
    });
    await expect(request).rejects.toThrow(/scratch_b/);
    // After a failed copy nothing more is sent but the drops: the request answers nothing more.
    await expect(second).rejects.toThrow(/scratch_b/);
    expect(sent).toEqual([copyOf('a'), copyOf('b'), dropOf('a'), dropOf('b')]);
  });

  it('fails every later statement with the copy that failed, where copies go as one call and stop at it', async () => {
    const { store, sent } = sessionStore((sql) => sql.includes('scratch_b AS SELECT'), { batches: true });
    const later: Promise<unknown>[] = [];
    const request = withScratchCopies(store, { asOf, tag: 't' }, async (copies) => {
      const first = copies.query(`SELECT * FROM ${copies.readTable('a')} JOIN ${copies.readTable('b')}`);
      // Asked before the first runs: c joins the same batch of copies, after b, where it stops. a
      // was made, b may be half made, c never was: neither later statement may run.
      later.push(copies.query(`SELECT * FROM ${copies.readTable('b')}`));
      later.push(copies.queryUserSql(`SELECT * FROM ${copies.readTable('c')}`, 1));
      await Promise.allSettled(later);
      await first;
    });
    await expect(request).rejects.toThrow(/scratch_b/);
    for (const statement of later) await expect(statement).rejects.toThrow(/scratch_b/);
    expect(sent).toEqual([
      `[${copyOf('a')}; ${copyOf('b')}; ${copyOf('c')}]`,
      `[${dropOf('a')}; ${dropOf('b')}; ${dropOf('c')}]`,
    ]);
  });

  it('sends the copies a statement needs as one call, and the drops as one, where the session takes several', async () => {
    const { store, sent } = sessionStore(() => false, { batches: true });
    await withScratchCopies(store, { asOf, tag: 't' }, async (copies) => {
      const first = `SELECT * FROM ${copies.readTable('a')} JOIN ${copies.readTable('b')}`;
      await copies.query(first);
      await copies.query(`SELECT * FROM ${copies.readTable('b')} JOIN ${copies.readTable('c')}`);
    });
    expect(sent).toEqual([
      `[${copyOf('a')}; ${copyOf('b')}]`,
      'SELECT * FROM scratch_a JOIN scratch_b',
      `[${copyOf('c')}]`,
      'SELECT * FROM scratch_b JOIN scratch_c',
      `[${dropOf('a')}; ${dropOf('b')}; ${dropOf('c')}]`,
    ]);
  });

  it('drops each copy on its own, past one that fails, when the drops sent as one call fail', async () => {
    const { store, sent } = sessionStore((sql) => sql === dropOf('a'), { batches: true });
    await withScratchCopies(store, { asOf, tag: 't' }, (copies) =>
      copies.query(`SELECT * FROM ${copies.readTable('a')} JOIN ${copies.readTable('b')}`),
    );
    expect(sent).toEqual([
      `[${copyOf('a')}; ${copyOf('b')}]`,
      'SELECT * FROM scratch_a JOIN scratch_b',
      `[${dropOf('a')}; ${dropOf('b')}]`,
      dropOf('a'),
      dropOf('b'),
    ]);
  });

  it('sends a drop that fails once, on a session that takes one statement at a time (ClickHouse 18.16)', async () => {
    const { store, sent } = sessionStore((sql) => sql === dropOf('a'));
    await withScratchCopies(store, { asOf, tag: 't' }, (copies) =>
      copies.query(`SELECT * FROM ${copies.readTable('a')} JOIN ${copies.readTable('b')}`),
    );
    expect(sent).toEqual([
      copyOf('a'),
      copyOf('b'),
      'SELECT * FROM scratch_a JOIN scratch_b',
      dropOf('a'),
      dropOf('b'),
    ]);
  });

  it('refuses a name that is no table where it is written, and still copies and drops the tables named right', async () => {
    const { store, sent } = sessionStore(() => false, { batches: true });
    await withScratchCopies(store, { asOf, tag: 't' }, async (copies) => {
      const a = copies.readTable('a');
      expect(() => copies.readTable('b; DROP TABLE c')).toThrow(/not a plain identifier/);
      await copies.query(`SELECT * FROM ${a}`);
    });
    expect(sent).toEqual([`[${copyOf('a')}]`, 'SELECT * FROM scratch_a', `[${dropOf('a')}]`]);
  });

  it('refuses a tag the query log could not find it by', async () => {
    const { store } = sessionStore();
    await expect(withScratchCopies(store, { asOf, tag: 'a b' }, async () => 0)).rejects.toThrow(
      /letters, digits, - and _ only/,
    );
  });

  it('refuses, made directly, a tag that would end its comment in the statements', () => {
    const { store } = sessionStore();
    const session = (
      store as unknown as { withScratchSession: (w: (s: ScratchSession) => unknown) => unknown }
    ).withScratchSession((s) => s) as ScratchSession;
    expect(() => new ScratchCopies(session, { asOf, tag: 'x */ DROP TABLE a; /*' })).toThrow(
      /letters, digits, - and _ only/,
    );
  });
});
