import { afterEach, describe, expect, it } from 'vitest';
import { HISTORY_KEPT, WorkbenchStore } from './workbench-store.js';

const ann = { id: 'u-ann', name: 'Ann' };
const bob = { id: 'u-bob', name: 'Bob' };
const draft = (name: string, visibility: 'private' | 'team' = 'private') => ({
  name,
  description: `${name} described`,
  sql: `SELECT '${name}'`,
  chart: null,
  visibility,
});

describe('WorkbenchStore', () => {
  let store: WorkbenchStore;
  afterEach(() => store.close());

  it('shows a private query to its owner only, a shared one to everyone, latest version first', () => {
    store = new WorkbenchStore(':memory:');
    store.create('00000000-0000-0000-0000-000000000001', ann, draft('mine'), '2026-12-01T00:00:00Z');
    store.create('00000000-0000-0000-0000-000000000002', ann, draft('ours', 'team'), '2026-12-02T00:00:00Z');
    expect(store.visibleTo(ann).map((query) => [query.latest.name, query.mine])).toEqual([
      ['ours', true],
      ['mine', true],
    ]);
    expect(store.visibleTo(bob).map((query) => [query.latest.name, query.mine])).toEqual([['ours', false]]);
    expect(store.find('00000000-0000-0000-0000-000000000001', bob)).toBeUndefined();
  });

  it('keeps every version; a save that is not the next number is refused', () => {
    store = new WorkbenchStore(':memory:');
    const id = '00000000-0000-0000-0000-000000000003';
    store.create(id, ann, draft('v1'), '2026-12-01T00:00:00Z');
    expect(store.addVersion(id, 2, ann, { ...draft('v2'), visibility: 'team' }, '2026-12-02T00:00:00Z')).toBe(true);
    expect(store.addVersion(id, 2, ann, draft('late'), '2026-12-03T00:00:00Z')).toBe(false);
    expect(store.versions(id).map((version) => [version.version, version.name])).toEqual([
      [2, 'v2'],
      [1, 'v1'],
    ]);
    expect(store.find(id, bob)?.latest).toMatchObject({ version: 2, sql: "SELECT 'v2'", savedBy: ann });
    store.delete(id, '2026-12-04T00:00:00Z');
    expect(store.find(id, ann)).toBeUndefined();
  });

  it('keeps the latest runs of each person, their own only', () => {
    store = new WorkbenchStore(':memory:');
    for (let i = 0; i < HISTORY_KEPT + 5; i++)
      store.recordRun(ann.id, {
        sql: `SELECT ${i}`,
        ranAt: '2026-12-01T00:00:00Z',
        format: 'result',
        outcome: { kind: 'ok', rowCount: 1, elapsedMs: 3 },
      });
    store.recordRun(bob.id, {
      sql: 'DROP TABLE events',
      ranAt: '2026-12-01T00:00:00Z',
      format: 'csv',
      outcome: { kind: 'refused', reason: 'only a SELECT is allowed' },
    });
    const anns = store.history(ann.id, 1000);
    expect(anns).toHaveLength(HISTORY_KEPT);
    expect(anns[0]).toMatchObject({
      sql: `SELECT ${HISTORY_KEPT + 4}`,
      outcome: { kind: 'ok', rowCount: 1, elapsedMs: 3 },
    });
    expect(store.history(bob.id, 10)).toEqual([
      expect.objectContaining({
        sql: 'DROP TABLE events',
        format: 'csv',
        outcome: { kind: 'refused', reason: 'only a SELECT is allowed' },
      }),
    ]);
  });
});
