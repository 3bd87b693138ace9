import type { EventMetadataInput, RecordedMetadata } from './envelope.js';

/**
 * The metadata an adapter hashes and stores: the writer's fields with the store's own stamps.
 * Stamps a writer tried to supply (recordedAt, prevHash, hash) are dropped, never trusted:
 * deadline proofs rest on recordedAt being the store's time (DESIGN.md decision 4).
 */
export function stampMetadata(input: EventMetadataInput, recordedAt: string, prevHash: string): Omit<RecordedMetadata, 'hash'> {
  const { recordedAt: _recordedAt, prevHash: _prevHash, hash: _hash, ...fromWriter } = input as EventMetadataInput & Partial<RecordedMetadata>;
  return { ...fromWriter, recordedAt, prevHash };
}
