import type { Actor, CommandMetadata } from '../shared/message.js';

export const TEST_ACTOR: Actor = { id: 'u-1', role: 'consultant' };

/** Metadata for a test command: a fixed business time unless one is given. */
export function metadataAt(occurredAt = '2026-02-01T08:00:00Z', actor: Actor = TEST_ACTOR): CommandMetadata {
  return { occurredAt, actor };
}

/**
 * A command with test metadata. `C` is an aggregate's command union; the type argument picks
 * the payload type from the command's name.
 */
export function commandOf<C extends { type: string; data: object; metadata: CommandMetadata }, T extends C['type']>(
  type: T,
  data: Extract<C, { type: T }>['data'],
  occurredAt?: string,
): Extract<C, { type: T }> {
  return { type, data, metadata: metadataAt(occurredAt) } as Extract<C, { type: T }>;
}
