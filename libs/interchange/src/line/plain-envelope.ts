import { ACTOR_ROLES, ENTITY_ID_PATTERN } from '@presales/domain';
import { z } from 'zod';
import type { ImportLine } from './line-envelope.js';
import { EVENT_ID_PATTERN } from './patterns.js';

/** The pattern of the schema's IsoUtcTime (plain-envelope.unit.spec.ts checks they match). */
const ISO_UTC_TIME = z.regexes.datetime({});
const ROLES: ReadonlySet<string> = new Set(ACTOR_ROLES);

/**
 * The envelope of a line that plainly satisfies every rule of the import line schema, checked by
 * hand; undefined for anything else. Nearly every line of a real file is plain, and running the
 * whole zod schema on it cost more than parsing its JSON; the rest goes through the schema, which
 * stays the one source of a rejection's wording. Every check here is at least as strict as the
 * schema's, so what passes here passes there, and the result has the same fields: the known
 * top-level members (others dropped, as the schema strips them), the line's own data and metadata.
 */
export function plainEnvelope(value: object): ImportLine | undefined {
  const line = value as Record<string, unknown>;
  const { id, stream, type, revision, position, data, metadata } = line;
  if (id !== undefined && !(typeof id === 'string' && EVENT_ID_PATTERN.test(id))) return undefined;
  if (!(typeof stream === 'string' && stream.length >= 1 && stream.length <= 200)) return undefined;
  if (!(typeof type === 'string' && type.length >= 1 && type.length <= 100)) return undefined;
  if (
    !isOptionalCount(revision, 0) ||
    !isOptionalCount(position, 0) ||
    !isPlainRecord(data) ||
    !isPlainMetadata(metadata)
  )
    return undefined;
  // Assigned rather than spread from conditional literals: spreading cost as much as all the checks.
  const envelope: { -readonly [K in keyof ImportLine]: ImportLine[K] } = {
    stream,
    type,
    data,
    metadata: metadata as ImportLine['metadata'],
  };
  if (id !== undefined) envelope.id = id;
  if (revision !== undefined) envelope.revision = revision;
  if (position !== undefined) envelope.position = position;
  return envelope;
}

function isPlainMetadata(value: unknown): boolean {
  if (!isPlainRecord(value)) return false;
  const { occurredAt, actor, correlationId, causationId, schemaVersion } = value;
  return (
    typeof occurredAt === 'string' &&
    ISO_UTC_TIME.test(occurredAt) &&
    isPlainActor(actor) &&
    isOptionalText(correlationId) &&
    isOptionalText(causationId) &&
    isOptionalCount(schemaVersion, 1)
  );
}

/** The schema's strict actor object: exactly `id` and `role`. */
function isPlainActor(value: unknown): boolean {
  if (!isPlainRecord(value)) return false;
  const keys = Object.keys(value);
  if (keys.length !== 2) return false;
  const { id, role } = value;
  return typeof id === 'string' && ENTITY_ID_PATTERN.test(id) && typeof role === 'string' && ROLES.has(role);
}

function isOptionalText(value: unknown): boolean {
  return value === undefined || (typeof value === 'string' && value.length >= 1 && value.length <= 128);
}

function isOptionalCount(value: unknown, minimum: number): value is number | undefined {
  return value === undefined || (Number.isSafeInteger(value) && (value as number) >= minimum);
}

/**
 * An object as JSON.parse makes it. A `__proto__` member is left to the schema: copying it, as
 * the schema does, would set a prototype instead of a member.
 */
function isPlainRecord(value: unknown): value is Record<string, unknown> {
  return (
    typeof value === 'object' &&
    value !== null &&
    Object.getPrototypeOf(value) === Object.prototype &&
    !Object.hasOwn(value, '__proto__')
  );
}
