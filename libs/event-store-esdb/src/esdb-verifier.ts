import type { EventStoreDBClient } from '@eventstore/db-client';
import {
  FindingsCollector,
  StreamChainVerifier,
  type RecordedEvent,
  type StoreVerification,
  type StreamVerification,
} from '@presales/event-store';
import { scanLog } from './log-scan.js';
import { readStreamEvents } from './stream-reads.js';

/**
 * Where a chain check starts. Revision 0 links to the genesis hash. A stream whose first
 * readable event is later was truncated by EventStoreDB itself (`$tb` after a soft delete,
 * `$maxCount`, `$maxAge`, a scavenge): no client can remove events otherwise, so the chain is
 * checked from there, taking that event's prevHash on trust.
 */
function verifierFor(first: RecordedEvent): StreamChainVerifier {
  return first.revision === 0n
    ? new StreamChainVerifier(first.streamId)
    : new StreamChainVerifier(first.streamId, { revision: first.revision, prevHash: first.metadata.prevHash });
}

export class EsdbVerifier {
  constructor(private readonly client: EventStoreDBClient) {}

  /** The events a stream read returns; deleted and truncated events are covered by verifyAll until scavenged. */
  async verifyStream(streamId: string): Promise<StreamVerification> {
    const events = await readStreamEvents(this.client, streamId);
    if (events.length === 0) return { ok: true, streamId, events: 0 };
    const verifier = verifierFor(events[0]!);
    for (const event of events) verifier.accept(event);
    return verifier.verdict();
  }

  /**
   * Every stream's chain over all of `$all`, including events of deleted and truncated streams
   * the server still keeps. A user event without our envelope is reported, not skipped.
   */
  async verifyAll(): Promise<StoreVerification> {
    const findings = new FindingsCollector();
    const chains = new Map<string, StreamChainVerifier>();
    let events = 0;
    for await (const entry of scanLog(this.client, 'forwards')) {
      if (entry.kind === 'system') continue;
      if (entry.kind === 'foreign') {
        findings.add({
          kind: 'stream',
          streamId: entry.error.streamId,
          firstBrokenRevision: entry.error.revision,
          reason: entry.error.message,
        });
        continue;
      }
      events += 1;
      let chain = chains.get(entry.event.streamId);
      if (chain === undefined) chains.set(entry.event.streamId, (chain = verifierFor(entry.event)));
      chain.accept(entry.event);
    }
    for (const chain of chains.values()) findings.addStream(chain.verdict());
    return findings.result(chains.size, events);
  }
}
