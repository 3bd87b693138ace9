import { ACTOR_ROLES, EntityId, IsoUtcTime, validate, ValidationError } from '@presales/domain';
import { z } from 'zod';
import { reject } from '../import/rejection.js';
import { EVENT_ID_PATTERN } from './patterns.js';
import { plainEnvelope } from './plain-envelope.js';

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

/** A line as the importer receives it: parsed JSON, or an object a CSV row was turned into. */
export interface ImportCandidate {
  readonly line: number;
  readonly value: unknown;
}

/** JSON text of one line into a candidate, or a rejection naming the JSON error (a truncated line). */
export function parseJsonLine(line: number, text: string): ImportCandidate {
  try {
    return { line, value: JSON.parse(text) as unknown };
  } catch (error) {
    return reject({ line, code: 'invalid_json', reason: `not valid JSON (${(error as Error).message}); a line must hold one complete JSON object` });
  }
}

/** The envelope of a candidate, checked field by field; the payload is checked later against its event type. */
export function parseEnvelope(candidate: ImportCandidate): ImportLine {
  const { line, value } = candidate;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return reject({ line, code: 'invalid_envelope', reason: `a line must be a JSON object {"stream","type","data","metadata"}, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}` });
  }
  const plain = plainEnvelope(value);
  if (plain !== undefined) return plain;
  const stream = typeof (value as { stream?: unknown }).stream === 'string' ? (value as { stream: string }).stream : undefined;
  try {
    return validate(ImportLineEnvelope, value, 'envelope');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return reject({ line, code: 'invalid_envelope', reason: error.message, ...(stream === undefined ? {} : { stream }) });
  }
}

/** The writer's metadata of a line: store stamps and the line-level schemaVersion removed. */
export function writerMetadataOf(metadata: LineMetadata): Record<string, unknown> {
  const kept: Record<string, unknown> = {};
  // for…in and a set: every line runs this, and entries/includes cost about three times as much.
  for (const key in metadata) {
    if (!Object.hasOwn(metadata, key)) continue;
    const value = metadata[key];
    // importedBy says who ran an import, not who did the fact: never part of the fact's content.
    if (value === undefined || key === 'schemaVersion' || key === 'importedBy' || isStoreStamp(key)) continue;
    kept[key] = value;
  }
  return kept;
}

const STORE_STAMP_KEYS: ReadonlySet<string> = new Set(STORE_STAMPS);

function isStoreStamp(key: string): boolean {
  return STORE_STAMP_KEYS.has(key);
}
