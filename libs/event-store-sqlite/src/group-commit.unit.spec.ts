import { describe, expect, it } from 'vitest';
import type { AppendOutcome, AppendRequest } from './appender.js';
import { GroupCommit } from './group-commit.js';

const request = (streamId: string): AppendRequest => ({ streamId, events: [], expected: 'any' });

describe('GroupCommit', () => {
  it('hands the appends of one round of the event loop over together, and later ones in a group of their own', async () => {
    const groups: string[][] = [];
    let notified = 0;
    const commit = new GroupCommit(
      (requests) => {
        groups.push(requests.map((r) => r.streamId));
        return requests.map((r, i): AppendOutcome =>
          r.streamId === 'refused'
            ? { ok: false, error: new Error('refused') }
            : { ok: true, result: { nextExpectedRevision: 0n, position: BigInt(i + 1) } },
        );
      },
      () => (notified += 1),
    );
    const first = await Promise.allSettled([
      commit.append(request('a')),
      commit.append(request('refused')),
      commit.append(request('b')),
    ]);
    expect(groups).toEqual([['a', 'refused', 'b']]);
    expect(first.map((outcome) => outcome.status)).toEqual(['fulfilled', 'rejected', 'fulfilled']);
    await commit.append(request('c'));
    expect(groups).toEqual([['a', 'refused', 'b'], ['c']]);
    expect(notified).toBe(2);
  });

  it('splits a crowd into groups of at most 256', async () => {
    const sizes: number[] = [];
    const commit = new GroupCommit(
      (requests) => {
        sizes.push(requests.length);
        return requests.map((): AppendOutcome => ({ ok: true, result: { nextExpectedRevision: 0n, position: 1n } }));
      },
      () => undefined,
    );
    await Promise.all(Array.from({ length: 600 }, (_, i) => commit.append(request(`s-${i}`))));
    expect(sizes).toEqual([256, 256, 88]);
  });
});
