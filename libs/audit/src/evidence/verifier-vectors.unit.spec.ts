import { pathToFileURL } from 'node:url';
import { HASH_CHAIN_VECTORS } from '@presales/event-store/testing';
import { describe, expect, it } from 'vitest';
import { VERIFIER_FILE } from './verifier-source.js';

interface Verifier {
  eventHash(line: unknown): string;
  verifyChain(
    stream: { streamId: string; lastRevision: string; lastHash: string },
    events: readonly unknown[],
    withheld: readonly unknown[],
  ): { ok: boolean };
}

/** An export line as the pack's events.jsonl holds it: the vector through JSON, its hash in the metadata. */
const lineOf = (vector: (typeof HASH_CHAIN_VECTORS)[number]) =>
  JSON.parse(JSON.stringify({ ...vector, metadata: { ...vector.metadata, hash: vector.hash } })) as unknown;

describe("the evidence pack's verify.mjs against the hash chain's known vectors", () => {
  it('gives every vector its written-down hash, as the platform does', async () => {
    const verifier = (await import(pathToFileURL(VERIFIER_FILE).href)) as Verifier;
    for (const vector of HASH_CHAIN_VECTORS) expect(verifier.eventHash(lineOf(vector)), vector.note).toBe(vector.hash);
  });

  it('verifies the two-event chain, and finds it broken when one byte of the data changes', async () => {
    const verifier = (await import(pathToFileURL(VERIFIER_FILE).href)) as Verifier;
    const tender = HASH_CHAIN_VECTORS.filter((vector) => vector.stream === 'tender-T-1');
    const stream = { streamId: 'tender-T-1', lastRevision: '1', lastHash: tender[1]!.hash };
    expect(verifier.verifyChain(stream, tender.map(lineOf), [])).toMatchObject({ ok: true });
    const edited = tender.map(lineOf) as { data: { score: number } }[];
    edited[1]!.data.score = 71;
    expect(verifier.verifyChain(stream, edited, [])).toMatchObject({ ok: false });
  });
});
