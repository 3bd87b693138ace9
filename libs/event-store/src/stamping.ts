import type { EventMetadataInput, RecordedMetadata } from './envelope.js';
import { canonicalJson, quoteJsonString, sortKeys } from './canonical-json.js';
import { KeyOrderCache } from './key-order.js';

/** Keys only the store may write; a writer's values for them are dropped, never trusted. */
function isStamp(key: string): boolean {
  return key === 'recordedAt' || key === 'prevHash' || key === 'hash';
}

/**
 * The metadata an adapter hashes and stores: the writer's fields with the store's own stamps.
 * Stamps a writer tried to supply (recordedAt, prevHash, hash) are dropped: deadline proofs
 * rest on recordedAt being the store's time (DESIGN.md decision 4).
 */
export function stampMetadata(
  input: EventMetadataInput,
  recordedAt: string,
  prevHash: string,
): Omit<RecordedMetadata, 'hash'> {
  const source = input as unknown as Record<string, unknown>;
  const stamped: Record<string, unknown> = {};
  for (const key of Object.keys(source)) if (!isStamp(key)) stamped[key] = source[key];
  stamped['recordedAt'] = recordedAt;
  stamped['prevHash'] = prevHash;
  return stamped as unknown as Omit<RecordedMetadata, 'hash'>;
}

/** A writer's metadata keys, stamps dropped, with the store's two stamps, in canonical order. */
const stampedKeyOrders = new KeyOrderCache((keys) => {
  const members = ['prevHash', 'recordedAt'];
  for (const key of keys) if (!isStamp(key)) members.push(key);
  return sortKeys(members);
});

/** The quoted recordedAt of the last call: an append stamps all its events with one. */
let lastRecordedAt = '';
let lastQuotedRecordedAt = '""';

/**
 * `canonicalJson(stampMetadata(input, recordedAt, prevHash))` without building the stamped
 * object: the append hot path runs it once per event.
 */
export function canonicalStampedMetadata(input: EventMetadataInput, recordedAt: string, prevHash: string): string {
  const source = input as unknown as Record<string, unknown>;
  if (recordedAt !== lastRecordedAt) {
    lastQuotedRecordedAt = quoteJsonString(recordedAt);
    lastRecordedAt = recordedAt;
  }
  const order = stampedKeyOrders.of(Object.keys(source));
  const members = order.members;
  let prefixes = order.firstPrefixes;
  let text = '{';
  for (let i = 0; i < members.length; i += 1) {
    const key = members[i]!;
    if (key === 'prevHash') text += prefixes[i]! + quoteJsonString(prevHash);
    else if (key === 'recordedAt') text += prefixes[i]! + lastQuotedRecordedAt;
    else {
      const value = source[key];
      if (value === undefined) continue;
      text += prefixes[i]! + canonicalJson(value);
    }
    prefixes = order.laterPrefixes;
  }
  return text + '}';
}
