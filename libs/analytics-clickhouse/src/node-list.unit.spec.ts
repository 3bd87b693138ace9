import { describe, expect, it } from 'vitest';
import { isNodeUnreachable, parseNodeList } from './node-list.js';

describe('the list of ClickHouse nodes (CLICKHOUSE_URL)', () => {
  it('reads one URL or several, comma-separated, with their users and one database', () => {
    expect(parseNodeList('http://u:p%40ss@a:8123/presales, http://b:8124/presales')).toEqual([
      { origin: 'http://a:8123', username: 'u', password: 'p@ss', database: 'presales' },
      { origin: 'http://b:8124', username: 'default', password: '', database: 'presales' },
    ]);
    expect(parseNodeList('http://a:8123')).toEqual([
      { origin: 'http://a:8123', username: 'default', password: '', database: undefined },
    ]);
  });

  it.each([
    ['http://a:8123/x,http://b:8123/y', /same database/],
    ['http://a:8123/x,', /empty entry/],
    ['ftp://a/x', /http: or https:/],
    ['a:8123 b', /http: or https:|not a URL/],
  ])('refuses %s', (list, message) => {
    expect(() => parseNodeList(list)).toThrow(message);
  });

  it('tells a node gone away from a statement the server refused', () => {
    expect(
      isNodeUnreachable(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:1'), { code: 'ECONNREFUSED' })),
    ).toBe(true);
    expect(isNodeUnreachable(new Error('socket hang up'))).toBe(true);
    expect(isNodeUnreachable(new Error('Code: 62, e.displayText() = DB::Exception: Syntax error'))).toBe(false);
    expect(isNodeUnreachable(new Error('Code: 279, All connection tries failed'))).toBe(false);
  });
});
