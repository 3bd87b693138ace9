import { pathToFileURL } from 'node:url';
import { compareUtcTimes } from '@presales/domain';
import { canonicalJson as storeCanonicalJson } from '@presales/event-store';
import { exportLineOf } from '@presales/interchange';
import { describe, expect, it } from 'vitest';
import { storeWithDisputes } from '../testing/memory-dispute.js';
import { VERIFIER_FILE } from './verifier-source.js';

interface Verifier {
  canonicalJson(value: unknown): string;
  eventHash(line: unknown): string;
  compareUtcTimes(left: string, right: string): number;
}

const verifier = (): Promise<Verifier> => import(pathToFileURL(VERIFIER_FILE).href) as Promise<Verifier>;

describe('the standalone verifier computes what the platform computes', () => {
  it('writes the same canonical JSON as libs/event-store for awkward values', async () => {
    const { canonicalJson: theirs } = await verifier();
    const values: unknown[] = [
      { z: 1, Z: 2, é: 3, '😀': 4, ﬀ: 5, a: { c: [3, { y: null, x: true }], b: 'q"\\\u2028\n' } },
      [1e21, 0.1, -0, 5e-7, 123456789012345, -1.5],
      'line\u2029sep \u0000 nul',
      { '': 'empty key', nested: [[[]]], obj: {} },
    ];
    for (const value of values) expect(theirs(value)).toBe(storeCanonicalJson(value));
  });

  it('recomputes every stored hash of a recorded history from its export lines', async () => {
    const { eventHash } = await verifier();
    const store = await storeWithDisputes({ key: 'a', reviseQuoteAfterSubmission: true });
    for (const event of store.log) expect(eventHash(JSON.parse(exportLineOf(event)))).toBe(event.metadata.hash);
  });

  it('orders times exactly on their text, as the domain does', async () => {
    const { compareUtcTimes: theirs } = await verifier();
    const pairs: [string, string][] = [
      ['2026-03-15T12:00:00Z', '2026-03-15T12:00:00.000Z'],
      ['2026-03-15T12:00:00.000001Z', '2026-03-15T12:00:00Z'],
      ['2026-03-15T11:59:59.999Z', '2026-03-15T12:00:00Z'],
    ];
    for (const [left, right] of pairs) expect(theirs(left, right)).toBe(compareUtcTimes(left, right));
  });
});
