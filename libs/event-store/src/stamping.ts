import type { EventMetadataInput, RecordedMetadata } from './envelope.js';
import { canonicalJson, sortKeys } from './canonical-json.js';
import { quoteKey } from './quoted-keys.js';

/** Keys only the store may write; a writer's values for them are dropped, never trusted. */
function isStamp(key: string): boolean {
  return key === 'recordedAt' || key === 'prevHash' || key === 'hash';
}

/**
 * The metadata an adapter hashes and stores: the writer's fields with the store's own stamps.
 * Stamps a writer tried to supply (recordedAt, prevHash, hash) are dropped: deadline proofs
 * rest on recordedAt being the store's time (DESIGN.md decision 4).
 */
export function stampMetadata(input: EventMetadataInput, recordedAt: string, prevHash: string): Omit<RecordedMetadata, 'hash'> {
  const source = input as unknown as Record<string, unknown>;
  const stamped: Record<string, unknown> = {};
  for (const key of Object.keys(source)) if (!isStamp(key)) stamped[key] = source[key];
  stamped['recordedAt'] = recordedAt;
  stamped['prevHash'] = prevHash;
  return stamped as unknown as Omit<RecordedMetadata, 'hash'>;
}

/**
 * `canonicalJson(stampMetadata(input, recordedAt, prevHash))` without building the stamped
 * object: the append hot path runs it once per event.
 */
export function canonicalStampedMetadata(input: EventMetadataInput, recordedAt: string, prevHash: string): string {
  const source = input as unknown as Record<string, unknown>;
  const keys = ['prevHash', 'recordedAt'];
  for (const key of Object.keys(source)) if (!isStamp(key) && source[key] !== undefined) keys.push(key);
  sortKeys(keys);
  let text = '{';
  for (let i = 0; i < keys.length; i += 1) {
    const key = keys[i]!;
    const value = key === 'prevHash' ? prevHash : key === 'recordedAt' ? recordedAt : source[key];
    text += (i === 0 ? '' : ',') + quoteKey(key) + ':' + canonicalJson(value);
  }
  return text + '}';
}
