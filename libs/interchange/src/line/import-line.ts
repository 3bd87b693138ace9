import { validate, ValidationError } from '@presales/domain';
import { reject } from '../import/rejection.js';
import { ImportLineEnvelope, STORE_STAMPS, type ImportLine, type LineMetadata } from './line-envelope.js';
import { plainEnvelope } from './plain-envelope.js';

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
    return reject({
      line,
      code: 'invalid_json',
      reason: `not valid JSON (${(error as Error).message}); a line must hold one complete JSON object`,
    });
  }
}

/** The envelope of a candidate, checked field by field; the payload is checked later against its event type. */
export function parseEnvelope(candidate: ImportCandidate): ImportLine {
  const { line, value } = candidate;
  if (value === null || typeof value !== 'object' || Array.isArray(value)) {
    return reject({
      line,
      code: 'invalid_envelope',
      reason: `a line must be a JSON object {"stream","type","data","metadata"}, got ${value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value}`,
    });
  }
  const plain = plainEnvelope(value);
  if (plain !== undefined) return plain;
  const stream =
    typeof (value as { stream?: unknown }).stream === 'string' ? (value as { stream: string }).stream : undefined;
  try {
    return validate(ImportLineEnvelope, value, 'envelope');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    return reject({
      line,
      code: 'invalid_envelope',
      reason: error.message,
      ...(stream === undefined ? {} : { stream }),
    });
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
