/**
 * Known answers for the hash chain (DESIGN.md decision 5), written down once and never
 * recomputed: each event as an export line carries it, the exact text that is hashed
 * (prevHash ‖ canonical JSON of {data, metadata without hash, revision, streamId, type}), and its
 * SHA-256. The platform (eventHash) and the evidence pack's standalone verify.mjs must both give
 * these hashes, so a change to canonical JSON or to what is hashed cannot pass unnoticed: every
 * chain already recorded would stop verifying.
 */
export interface HashChainVector {
  readonly note: string;
  readonly stream: string;
  readonly revision: number;
  readonly position: number;
  readonly type: string;
  readonly data: Readonly<Record<string, unknown>>;
  readonly metadata: Readonly<Record<string, unknown>> & { readonly prevHash: string; readonly recordedAt: string };
  readonly hashed: string;
  readonly hash: string;
}

const GENESIS = '0000000000000000000000000000000000000000000000000000000000000000';

export const HASH_CHAIN_VECTORS: readonly HashChainVector[] = [
  {
    note: 'the first event of a stream: prevHash is the genesis hash',
    stream: 'tender-T-1',
    revision: 0,
    position: 1,
    type: 'TenderReceived',
    data: { tenderId: 'T-1', opportunityId: 'O-1', kind: 'rfp', issuer: 'Acme', deadline: '2026-02-01T09:00:00Z' },
    metadata: {
      occurredAt: '2026-01-10T08:00:00Z',
      actor: { id: 'u-1', role: 'consultant' },
      schemaVersion: 1,
      recordedAt: '2026-01-10T08:00:01.250Z',
      prevHash: GENESIS,
    },
    hashed:
      '0000000000000000000000000000000000000000000000000000000000000000{"data":{"deadline":"2026-02-01T09:00:00Z","issuer":"Acme","kind":"rfp","opportunityId":"O-1","tenderId":"T-1"},"metadata":{"actor":{"id":"u-1","role":"consultant"},"occurredAt":"2026-01-10T08:00:00Z","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","recordedAt":"2026-01-10T08:00:01.250Z","schemaVersion":1},"revision":0,"streamId":"tender-T-1","type":"TenderReceived"}',
    hash: 'd5dc19889fb62dc670534beaa62c3ea3a923355b07c1a58b9ee82e8334a31f62',
  },
  {
    note: 'the next event chains to the first; keys given out of order are sorted at every depth',
    stream: 'tender-T-1',
    revision: 1,
    position: 2,
    type: 'BidDecisionMade',
    data: { score: 70, rationale: 'good fit', decision: 'bid' },
    metadata: {
      schemaVersion: 1,
      actor: { role: 'manager', id: 'm-1' },
      recordedAt: '2026-01-11T09:30:00.000Z',
      occurredAt: '2026-01-11T09:30:00Z',
      correlationId: 'c-7',
      prevHash: 'd5dc19889fb62dc670534beaa62c3ea3a923355b07c1a58b9ee82e8334a31f62',
    },
    hashed:
      'd5dc19889fb62dc670534beaa62c3ea3a923355b07c1a58b9ee82e8334a31f62{"data":{"decision":"bid","rationale":"good fit","score":70},"metadata":{"actor":{"id":"m-1","role":"manager"},"correlationId":"c-7","occurredAt":"2026-01-11T09:30:00Z","prevHash":"d5dc19889fb62dc670534beaa62c3ea3a923355b07c1a58b9ee82e8334a31f62","recordedAt":"2026-01-11T09:30:00.000Z","schemaVersion":1},"revision":1,"streamId":"tender-T-1","type":"BidDecisionMade"}',
    hash: 'ca3582571ca62c1735d7721967945b03f77b390dea777ff4847da02cdd67ff67',
  },
  {
    note: 'Chinese text, an emoji (a surrogate pair), a quote, a backslash, a control character and U+2028 in strings; decimals as text; an empty list',
    stream: 'quote-Q-华',
    revision: 0,
    position: 3,
    type: 'QuoteDrafted',
    data: {
      quoteId: 'Q-华',
      opportunityId: 'O-1',
      currency: 'CNY',
      lines: [
        {
          lineId: 'L1',
          description: '实施服务 "一期" \\ 🚀\u0007\u2028',
          quantity: '2',
          unitPrice: '14500.00',
          discountPct: '0',
        },
      ],
      notes: [],
    },
    metadata: {
      occurredAt: '2026-03-01T00:00:00Z',
      actor: { id: '王伟', role: 'sales' },
      schemaVersion: 2,
      recordedAt: '2026-03-01T00:00:00.001Z',
      prevHash: GENESIS,
    },
    hashed:
      '0000000000000000000000000000000000000000000000000000000000000000{"data":{"currency":"CNY","lines":[{"description":"实施服务 \\"一期\\" \\\\ 🚀\\u0007\u2028","discountPct":"0","lineId":"L1","quantity":"2","unitPrice":"14500.00"}],"notes":[],"opportunityId":"O-1","quoteId":"Q-华"},"metadata":{"actor":{"id":"王伟","role":"sales"},"occurredAt":"2026-03-01T00:00:00Z","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","recordedAt":"2026-03-01T00:00:00.001Z","schemaVersion":2},"revision":0,"streamId":"quote-Q-华","type":"QuoteDrafted"}',
    hash: '3a70ffd011c63e60129fb25ca6fb82c2c35c13afe86dfa8c32ee8b5ed4d524d9',
  },
  {
    note: 'numbers: an integer, a fraction, a negative, zero, the largest safe integer, a large revision; null kept, an undefined member dropped',
    stream: 'consultant-C-1',
    revision: 123456789012,
    position: 4,
    type: 'TimeLogged',
    data: {
      entryId: 'te-1',
      date: '2026-03-02',
      hours: 7.5,
      balance: -0.25,
      zero: 0,
      big: 9007199254740991,
      note: null,
      skipped: undefined,
    },
    metadata: {
      occurredAt: '2026-03-02T18:00:00Z',
      actor: { id: 'u-1', role: 'consultant' },
      schemaVersion: 1,
      recordedAt: '2026-03-02T18:00:00Z',
      prevHash: GENESIS,
    },
    hashed:
      '0000000000000000000000000000000000000000000000000000000000000000{"data":{"balance":-0.25,"big":9007199254740991,"date":"2026-03-02","entryId":"te-1","hours":7.5,"note":null,"zero":0},"metadata":{"actor":{"id":"u-1","role":"consultant"},"occurredAt":"2026-03-02T18:00:00Z","prevHash":"0000000000000000000000000000000000000000000000000000000000000000","recordedAt":"2026-03-02T18:00:00Z","schemaVersion":1},"revision":123456789012,"streamId":"consultant-C-1","type":"TimeLogged"}',
    hash: 'f080030df75fe0639a0ebb3129923faf8f820b1c7e525354b02903727ac73dd0',
  },
];
