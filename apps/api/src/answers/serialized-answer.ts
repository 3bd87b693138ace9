import { createHash } from 'node:crypto';

/** A kept answer as it is sent: its JSON text and a strong ETag naming exactly that text. */
export interface SerializedAnswer {
  readonly json: string;
  readonly etag: string;
}

// By the identity of the answer object the cache hands out: a kept answer is the same object on
// every hit, so the text and its hash are computed once when it is kept, never per request. Weak,
// so an answer evicted from the cache takes its text with it once nothing else holds it.
const SERIALIZED = new WeakMap<object, SerializedAnswer>();

/**
 * Serializes a kept answer once and remembers the text for it. The ETag is a hash of the text,
 * not of the cache's key: the read models' version counts restart with the process, a hash of
 * what was sent cannot name another answer after a restart (decision 0041).
 */
export function serializeKeptAnswer(answer: unknown): SerializedAnswer | undefined {
  const json = JSON.stringify(answer);
  if (json === undefined) return undefined;
  const serialized = { json, etag: `"${createHash('sha256').update(json).digest('base64url').slice(0, 32)}"` };
  if (typeof answer === 'object' && answer !== null) SERIALIZED.set(answer, serialized);
  return serialized;
}

/** The text remembered for this answer object, if the cache kept it. */
export function serializedAnswerOf(answer: unknown): SerializedAnswer | undefined {
  return typeof answer === 'object' && answer !== null ? SERIALIZED.get(answer) : undefined;
}
