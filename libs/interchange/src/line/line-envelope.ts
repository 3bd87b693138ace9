import { ACTOR_ROLES, EntityId, IsoUtcTime } from '@presales/domain';
import { z } from 'zod';
import { EVENT_ID_PATTERN } from './patterns.js';

/** Stamps only a store sets: an import drops them (a restore keeps them, after verifying the chain). */
export const STORE_STAMPS = ['recordedAt', 'prevHash', 'hash'] as const;

/** Given event ids: a UUID, or any id a system of record might use, without spaces or control characters. */
export const EventIdText = z.string().regex(EVENT_ID_PATTERN, 'must be 1 to 128 characters of A-Z a-z 0-9 _ . : -');

const LineMetadata = z
  .object({
    occurredAt: IsoUtcTime,
    actor: z.strictObject({ id: EntityId, role: z.enum(ACTOR_ROLES) }),
    correlationId: z.string().min(1).max(128).optional(),
    causationId: z.string().min(1).max(128).optional(),
    schemaVersion: z.number().int('must be a whole number').min(1, 'must be at least 1').optional(),
  })
  // Other keys (source system, demo marker) are kept with the event, as DOMAIN.md's "..." allows.
  .catchall(z.unknown());

/**
 * DOMAIN.md "Import and export line format": `{"id"?, "stream", "type", "data", "metadata":
 * {"occurredAt", "actor": {"id","role"}, ...}}`. An export line also carries `revision`,
 * `position` and the store's stamps; `revision`, when present, must be where the event lands.
 */
export const ImportLineEnvelope = z.object({
  id: EventIdText.optional(),
  stream: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  revision: z.number().int('must be a whole number').min(0, 'must be at least 0').optional(),
  position: z.number().int().min(0).optional(),
  data: z.record(z.string(), z.unknown()),
  metadata: LineMetadata,
});

export type LineMetadata = z.output<typeof LineMetadata>;
export type ImportLine = z.output<typeof ImportLineEnvelope>;
