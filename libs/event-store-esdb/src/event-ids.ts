import { createHash } from 'node:crypto';

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/;

/** Namespace of the name-based ids below (a random v4 UUID, fixed forever). */
const NAMESPACE = Buffer.from('6f1c1f1e9b2a4c7e8d3f0a5b6c7d8e9f', 'hex');

/**
 * EventStoreDB ids are UUIDs; ours may be any string (imports derive them from file content).
 * A lowercase UUID is used as is; anything else becomes a name-based (version 5) UUID, so a
 * retry maps to the same id and stays idempotent. The original id travels in the metadata.
 */
export function toEsdbEventId(id: string): string {
  if (UUID.test(id)) return id;
  const bytes = createHash('sha1').update(NAMESPACE).update(id, 'utf8').digest().subarray(0, 16);
  bytes[6] = (bytes[6]! & 0x0f) | 0x50; // version 5
  bytes[8] = (bytes[8]! & 0x3f) | 0x80; // RFC 4122 variant
  const hex = bytes.toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}
