import { hash } from 'node:crypto';
import { quoteKey } from './quoted-keys.js';
import type { RecordedMetadata } from './envelope.js';

/** prevHash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

/**
 * JSON with object keys sorted at every depth and no whitespace: one byte string per value.
 * Values with `toJSON` (a Date) are converted as JSON.stringify converts them; `undefined`
 * object members are dropped; bigint, functions and symbols are refused rather than guessed.
 * Hand-rolled rather than entries/sort/map because every append and every verification runs it.
 */
export function canonicalJson(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return JSON.stringify(value);
    case 'number':
      return JSON.stringify(value);
    case 'boolean':
      return value ? 'true' : 'false';
    case 'bigint':
      throw new TypeError('canonicalJson: bigint is not JSON; convert it first');
    case 'object':
      if (value === null) return 'null';
      if (Array.isArray(value)) return canonicalArray(value);
      if (typeof (value as { toJSON?: unknown }).toJSON === 'function') return canonicalJson((value as { toJSON: () => unknown }).toJSON());
      return canonicalObject(value as Record<string, unknown>);
    default:
      throw new TypeError(`canonicalJson: ${typeof value} is not JSON`);
  }
}

function canonicalArray(values: readonly unknown[]): string {
  let text = '[';
  for (let i = 0; i < values.length; i += 1) {
    if (i > 0) text += ',';
    text += canonicalJson(values[i]);
  }
  return text + ']';
}

/** `omitted`: a member left out as if undefined (a recorded event's own `hash`, see eventHash). */
function canonicalObject(object: Record<string, unknown>, omitted?: string): string {
  // Default sort compares UTF-16 code units, the order every canonical form here relies on.
  const keys = Object.keys(object).sort();
  let text = '{';
  let first = true;
  for (const key of keys) {
    const member = object[key];
    if (member === undefined || key === omitted) continue;
    if (!first) text += ',';
    first = false;
    text += quoteKey(key) + ':' + canonicalJson(member);
  }
  return text + '}';
}

export interface HashableEvent {
  readonly streamId: string;
  readonly revision: bigint;
  readonly type: string;
  readonly data: unknown;
  /** Includes prevHash and recordedAt; a `hash` member, as a recorded event has, is not hashed. */
  readonly metadata: Omit<RecordedMetadata, 'hash'> & { readonly hash?: string };
}

/**
 * DESIGN.md decision 5 from parts already in canonical form: the body is the canonical JSON of
 * {streamId, revision, type, data, metadata without hash}, assembled in sorted key order
 * (data < metadata < revision < streamId < type) so an adapter can store the same canonical
 * strings it hashed instead of serialising twice.
 */
export function hashCanonicalEvent(
  prevHash: string,
  streamId: string,
  revision: bigint | number,
  type: string,
  canonicalData: string,
  canonicalMetadata: string,
): string {
  // One-shot hash of the concatenation: the same digest as update(prevHash).update(body), faster.
  return hash(
    'sha256',
    `${prevHash}{"data":${canonicalData},"metadata":${canonicalMetadata},"revision":${revision.toString()},"streamId":${JSON.stringify(streamId)},"type":${JSON.stringify(type)}}`,
    'hex',
  );
}

/**
 * DESIGN.md decision 5: sha256(prevHash ‖ canonical JSON of {streamId, revision, type, data, metadata without hash}).
 * A recorded event can be passed as it is: its metadata's `hash` is left out here, so
 * verification does not copy every event to drop it.
 */
export function eventHash(event: HashableEvent): string {
  return hashCanonicalEvent(event.metadata.prevHash, event.streamId, event.revision, event.type, canonicalJson(event.data), canonicalObject(event.metadata, 'hash'));
}
