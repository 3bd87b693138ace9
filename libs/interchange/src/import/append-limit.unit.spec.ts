import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import {
  AppendTooLargeError,
  StreamNotFoundError,
  type AppendOptions,
  type AppendResult,
  type EventToAppend,
  type RecordedEvent,
} from '@presales/event-store';
import { afterEach, expect, it } from 'vitest';
import { importJsonlFile } from './import-file.js';

let dir: string | undefined;
afterEach(() => dir !== undefined && rmSync(dir, { recursive: true, force: true }));

/** A store with EventStoreDB's append limit, here one event per append; it records what it was asked. */
class OneEventPerAppendStore {
  readonly calls: number[] = [];
  private readonly streams = new Map<string, EventToAppend[]>();

  async readStream(streamId: string): Promise<RecordedEvent[]> {
    if (!this.streams.has(streamId)) throw new StreamNotFoundError(streamId);
    return [];
  }

  async appendToStream(
    streamId: string,
    events: readonly EventToAppend[],
    _options?: AppendOptions,
  ): Promise<AppendResult> {
    this.calls.push(events.length);
    if (events.length > 1) throw new AppendTooLargeError(streamId, 1_048_576);
    const stream = this.streams.get(streamId) ?? [];
    stream.push(...events);
    this.streams.set(streamId, stream);
    return { nextExpectedRevision: BigInt(stream.length - 1), position: BigInt(this.calls.length) };
  }
}

it('appends a batch over the store append limit one event at a time, rejecting nothing', async () => {
  dir = mkdtempSync(join(tmpdir(), 'presales-import-limit-'));
  const meta = (occurredAt: string) => ({ occurredAt, actor: { id: 'u1', role: 'consultant' } });
  const path = join(dir, 'big.jsonl');
  const lines = [
    // The opportunity the tender names: import refuses a reference to one never registered.
    {
      stream: 'opportunity-O1',
      type: 'OpportunityRegistered',
      data: {
        opportunityId: 'O1',
        name: 'ERP',
        customer: 'City',
        industry: 'public',
        region: 'East',
        productLines: ['erp'],
        projectType: 'project',
        estimatedValue: { amount: '1', currency: 'CNY' },
        salesOwnerId: 'S-1',
      },
      metadata: meta('2025-01-15T09:00:00Z'),
    },
    {
      stream: 'tender-T1',
      type: 'TenderReceived',
      data: { tenderId: 'T1', opportunityId: 'O1', kind: 'rfp', issuer: 'City IT', deadline: '2025-03-01T12:00:00Z' },
      metadata: meta('2025-02-01T09:00:00Z'),
    },
    {
      stream: 'tender-T1',
      type: 'BidDecisionMade',
      data: { decision: 'bid', rationale: 'good fit', score: 70 },
      metadata: meta('2025-02-02T09:00:00Z'),
    },
  ];
  writeFileSync(path, lines.map((line) => `${JSON.stringify(line)}\n`).join(''));
  const store = new OneEventPerAppendStore();
  const result = await importJsonlFile(path, store);
  expect(result).toMatchObject({ lines: 3, appended: 3, rejected: 0 });
  // The opportunity in one append; the tender's two events refused together, then one by one.
  expect(store.calls).toEqual([1, 2, 1, 1]);
});
