import { describe, expect, it } from 'vitest';
import { chainedEvents as chain } from './testing/chain-fixture.js';
import { FindingsCollector, StreamChainVerifier, verifyChain } from './verification.js';

describe('verifyChain', () => {
  it('accepts an intact chain', () => {
    expect(verifyChain('s-1', chain('s-1', ['A', 'B', 'C']))).toEqual({ ok: true, streamId: 's-1', events: 3 });
  });

  it('reports an edit at its revision', () => {
    const events = chain('s-1', ['A', 'B', 'C']);
    events[1] = { ...events[1]!, data: { i: 99 } };
    expect(verifyChain('s-1', events)).toMatchObject({
      ok: false,
      firstBrokenRevision: 1n,
      reason: expect.stringMatching(/edited/),
    });
  });

  it('reports a deletion, a swap and a duplicate', () => {
    const events = chain('s-1', ['A', 'B', 'C']);
    expect(verifyChain('s-1', [events[0]!, events[2]!])).toMatchObject({
      ok: false,
      firstBrokenRevision: 1n,
      reason: expect.stringMatching(/missing/),
    });
    const swapped = [events[0]!, { ...events[2]!, revision: 1n }, { ...events[1]!, revision: 2n }];
    expect(verifyChain('s-1', swapped)).toMatchObject({ ok: false, firstBrokenRevision: 1n });
    expect(verifyChain('s-1', [events[0]!, events[0]!])).toMatchObject({ ok: false, firstBrokenRevision: 1n });
  });

  it('reports events whose positions run backwards', () => {
    const events = chain('s-1', ['A', 'B']);
    const reordered = [events[0]!, { ...events[1]!, position: 0n }];
    expect(verifyChain('s-1', reordered)).toMatchObject({
      ok: false,
      firstBrokenRevision: 1n,
      reason: expect.stringMatching(/position/),
    });
  });

  it('starts mid-stream from a trusted truncation point', () => {
    const events = chain('s-1', ['A', 'B', 'C']);
    const start = { revision: 1n, prevHash: events[0]!.metadata.hash };
    expect(verifyChain('s-1', events.slice(1), start)).toEqual({ ok: true, streamId: 's-1', events: 2 });
    expect(verifyChain('s-1', events.slice(2), start)).toMatchObject({ ok: false, firstBrokenRevision: 1n });
  });
});

describe('StreamChainVerifier head check', () => {
  const events = chain('s-1', ['A', 'B', 'C']);
  const head = { revision: 2n, hash: events[2]!.metadata.hash };
  const verify = (fed: typeof events, recordedHead: typeof head | undefined) => {
    const verifier = new StreamChainVerifier('s-1');
    for (const event of fed) verifier.accept(event);
    verifier.expectHead(recordedHead);
    return verifier.verdict();
  };

  it('accepts a chain that ends at its head', () => {
    expect(verify(events, head)).toEqual({ ok: true, streamId: 's-1', events: 3 });
  });

  it('catches deletion of the last event and of the whole stream', () => {
    expect(verify(events.slice(0, 2), head)).toMatchObject({
      ok: false,
      firstBrokenRevision: 2n,
      reason: expect.stringMatching(/deleted/),
    });
    expect(verify([], head)).toMatchObject({ ok: false, firstBrokenRevision: 0n });
  });

  it('catches a deleted head record and a chain running past it', () => {
    expect(verify(events, undefined)).toMatchObject({
      ok: false,
      firstBrokenRevision: 0n,
      reason: expect.stringMatching(/no head/),
    });
    expect(verify(events, { revision: 1n, hash: events[1]!.metadata.hash })).toMatchObject({
      ok: false,
      firstBrokenRevision: 2n,
    });
    expect(verify(events, { revision: 2n, hash: 'f'.repeat(64) })).toMatchObject({
      ok: false,
      firstBrokenRevision: 2n,
    });
  });
});

describe('FindingsCollector', () => {
  it('is ok without findings and counts what it does not list', () => {
    expect(new FindingsCollector().result(2, 5)).toEqual({ ok: true, streams: 2, events: 5 });
    const collector = new FindingsCollector(1);
    collector.add({ kind: 'log', position: 3n, reason: 'gap' });
    collector.add({ kind: 'log', position: 4n, reason: 'gap' });
    expect(collector.result(1, 1)).toMatchObject({ ok: false, findings: [{ position: 3n }], findingsOmitted: 1 });
  });
});
