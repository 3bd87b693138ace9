import { ACTOR_ROLES, EntityId, IsoUtcTime, validate, ValidationError } from '@presales/domain';
import { z } from 'zod';
import { EventIdText } from '../line/line-envelope.js';
import { reject } from '../import/rejection.js';
import type { ExportLine } from '../line/export-line.js';

const Sha256Hex = z.string().regex(/^[0-9a-f]{64}$/, 'must be 64 lowercase hex digits');

/** An export line as a restore needs it: every stamp present, metadata otherwise kept verbatim (it is hashed). */
const ExportLineSchema = z.object({
  id: EventIdText,
  stream: z.string().min(1).max(200),
  type: z.string().min(1).max(100),
  revision: z.number().int().min(0),
  position: z.number().int().min(1),
  data: z.record(z.string(), z.unknown()),
  metadata: z
    .object({
      occurredAt: IsoUtcTime,
      recordedAt: IsoUtcTime,
      actor: z.object({ id: EntityId, role: z.enum(ACTOR_ROLES) }),
      schemaVersion: z.number().int().min(1),
      prevHash: Sha256Hex,
      hash: Sha256Hex,
    })
    .catchall(z.unknown()),
});

/**
 * Check the shape of a restore line. The parsed value is NOT used: zod would rebuild objects and
 * could drop or reorder what was hashed, so the original JSON value is returned as is.
 */
export function parseExportLine(line: number, value: unknown): ExportLine {
  try {
    validate(ExportLineSchema, value, 'export line');
  } catch (error) {
    if (!(error instanceof ValidationError)) throw error;
    const stream = (value as { stream?: unknown } | null)?.stream;
    return reject({
      line,
      code: 'invalid_envelope',
      reason: error.message,
      ...(typeof stream === 'string' ? { stream } : {}),
    });
  }
  return value as ExportLine;
}
