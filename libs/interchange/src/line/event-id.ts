import { hash } from 'node:crypto';
import { canonicalJson, quoteJsonString } from '@presales/event-store';

/**
 * The id of an imported event that came without one: a UUID-shaped SHA-256 of the stream and the
 * line's content in canonical JSON (key order and whitespace do not matter). Re-running a file
 * derives the same ids, so the store's idempotency by id makes the second run append nothing.
 * Two byte-identical facts on the same stream are one fact: the second is reported as a duplicate.
 * Version nibble 8 (RFC 9562 "custom"), because the hash is SHA-256, not v5's SHA-1.
 */
export function derivedEventId(stream: string, type: string, data: unknown, metadata: unknown): string {
  const digest = hash('sha256', `presales-import\n${canonicalJson({ stream, type, data, metadata })}`, 'buffer');
  digest[6] = (digest[6]! & 0x0f) | 0x80;
  digest[8] = (digest[8]! & 0x3f) | 0x80;
  const hex = digest.subarray(0, 16).toString('hex');
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`;
}

/**
 * What makes two events "the same content" for idempotency: type, data and the writer's metadata.
 * Computed for every line, so the canonical JSON of {data, metadata, type} is assembled from its
 * members (already in sorted key order) rather than from a wrapper object, and hashed one-shot.
 */
export function contentFingerprint(type: string, data: unknown, writerMetadata: unknown): string {
  return hash(
    'sha256',
    `{"data":${canonicalJson(data)},"metadata":${canonicalJson(writerMetadata)},"type":${quoteJsonString(type)}}`,
    'base64',
  );
}

/**
 * What makes two events of a type identified by its data (FACTS_IDENTIFIED_BY_DATA) the same fact:
 * type and data, without who recorded it or when.
 */
export function factFingerprint(type: string, data: unknown): string {
  return hash('sha256', `{"data":${canonicalJson(data)},"type":${quoteJsonString(type)}}`, 'base64');
}
