import { hash } from 'node:crypto';
import { canonicalJson, canonicalObject, quoteJsonString } from './canonical-json.js';
import type { RecordedMetadata } from './envelope.js';

/** prevHash of a stream's first event. */
export const GENESIS_HASH = '0'.repeat(64);

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
  return hash('sha256', hashedText(prevHash, streamId, revision, type, canonicalData, canonicalMetadata), 'hex');
}

/** An event's hash, and its canonical data and metadata as cut from the very text that was hashed. */
export interface HashedCanonicalEvent {
  readonly hash: string;
  readonly canonicalData: string;
  readonly canonicalMetadata: string;
}

const BEFORE_DATA = '{"data":'.length;
const BETWEEN_DATA_AND_METADATA = ',"metadata":'.length;

/**
 * hashCanonicalEvent for an adapter that stores the canonical texts: they come back as slices
 * of the hashed text. The canonical parts are built by concatenation, a tree of small pieces
 * that has to be flattened into one string to be hashed and again for each part to be bound
 * to SQL; slices of the flattened whole are flat already, so storing them copies nothing more.
 */
export function hashCanonicalEventForStorage(
  prevHash: string,
  streamId: string,
  revision: bigint | number,
  type: string,
  canonicalData: string,
  canonicalMetadata: string,
): HashedCanonicalEvent {
  const text = hashedText(prevHash, streamId, revision, type, canonicalData, canonicalMetadata);
  const dataStart = prevHash.length + BEFORE_DATA;
  const metadataStart = dataStart + canonicalData.length + BETWEEN_DATA_AND_METADATA;
  return {
    // Hashing first flattens the text, so the slices below share its one flat copy.
    hash: hash('sha256', text, 'hex'),
    canonicalData: text.slice(dataStart, dataStart + canonicalData.length),
    canonicalMetadata: text.slice(metadataStart, metadataStart + canonicalMetadata.length),
  };
}

/** prevHash ‖ the canonical body. One string, hashed one-shot: the same digest as update(prevHash).update(body), faster. */
function hashedText(
  prevHash: string,
  streamId: string,
  revision: bigint | number,
  type: string,
  canonicalData: string,
  canonicalMetadata: string,
): string {
  return (
    prevHash +
    '{"data":' +
    canonicalData +
    ',"metadata":' +
    canonicalMetadata +
    ',"revision":' +
    revision.toString() +
    bodyEnd(streamId, type)
  );
}

/** The end of the last body: the events of an append share their stream id, and mostly their type. */
let lastStreamId = '';
let lastType = '';
let lastBodyEnd = ',"streamId":"","type":""}';

/** `,"streamId":…,"type":…}`, quoted once per stream id and type in a row rather than per event. */
function bodyEnd(streamId: string, type: string): string {
  if (streamId !== lastStreamId || type !== lastType) {
    lastBodyEnd = `,"streamId":${quoteJsonString(streamId)},"type":${quoteJsonString(type)}}`;
    lastStreamId = streamId;
    lastType = type;
  }
  return lastBodyEnd;
}

/**
 * DESIGN.md decision 5: sha256(prevHash ‖ canonical JSON of {streamId, revision, type, data, metadata without hash}).
 * A recorded event can be passed as it is: its metadata's `hash` is left out here, so
 * verification does not copy every event to drop it.
 */
export function eventHash(event: HashableEvent): string {
  return hashCanonicalEvent(
    event.metadata.prevHash,
    event.streamId,
    event.revision,
    event.type,
    canonicalJson(event.data),
    canonicalObject(event.metadata, 'hash'),
  );
}
