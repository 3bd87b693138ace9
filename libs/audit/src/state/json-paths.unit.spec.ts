import { describe, expect, it } from 'vitest';
import { compareLeaves, leavesByPath } from './json-paths.js';

describe('JSON leaves by path', () => {
  it('addresses list items by their id, plain lists and empty containers as a whole', () => {
    const leaves = leavesByPath(
      {
        lines: [
          { lineId: 'b', qty: '1' },
          { lineId: 'a', qty: '2' },
        ],
        tags: ['x', 'y'],
        notes: {},
        pairs: [[1, 2]],
      },
      'state',
    );
    expect([...leaves]).toEqual([
      ['state.lines[lineId=b].lineId', 'b'],
      ['state.lines[lineId=b].qty', '1'],
      ['state.lines[lineId=a].lineId', 'a'],
      ['state.lines[lineId=a].qty', '2'],
      ['state.tags', ['x', 'y']],
      ['state.notes', {}],
      ['state.pairs[0]', [1, 2]],
    ]);
    expect(leaves.size).toBe(7);
  });

  it('does not call a line changed because the list was reordered', () => {
    const before = leavesByPath(
      {
        lines: [
          { lineId: 'a', qty: '1' },
          { lineId: 'b', qty: '2' },
        ],
      },
      's',
    );
    const after = leavesByPath(
      {
        lines: [
          { lineId: 'b', qty: '2' },
          { lineId: 'a', qty: '3' },
        ],
      },
      's',
    );
    expect(compareLeaves(before, after)).toEqual({
      added: [],
      changed: [{ path: 's.lines[lineId=a].qty', from: '1', to: '3' }],
      removed: [],
    });
  });

  it('reports a container that empties as its members removed, not as an empty one added', () => {
    const before = leavesByPath({ sections: { S1: { drafts: 1 } }, gone: 'x' }, 's');
    const after = leavesByPath({ sections: {} }, 's');
    expect(compareLeaves(before, after)).toEqual({
      added: [],
      changed: [],
      removed: [
        { path: 's.sections.S1.drafts', value: 1 },
        { path: 's.gone', value: 'x' },
      ],
    });
  });

  it('skips what the caller says to skip', () => {
    expect([...leavesByPath({ a: { lines: [1] }, b: 2 }, 's', (path) => path === 's.a.lines').keys()]).toEqual(['s.b']);
  });
});
