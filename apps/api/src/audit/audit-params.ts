import { EntityId, IsoDate, IsoUtcTime, validate } from '@presales/domain';
import { DEFAULT_PRACTICE_THRESHOLD } from '@presales/kpi';
import { z } from 'zod';

/** `<category>-<id>` of any stream, the audit log's `audit-<day>` included. */
const StreamId = z
  .string()
  .regex(/^[a-z]+-[A-Za-z0-9_-]{1,64}$/, 'must be a stream name <category>-<id>, e.g. tender-T-1');

/** The path parameters of the audit's routes, as the published contract states them. */
export const TenderParam = z.object({ tenderId: EntityId });
export const StreamParam = z.object({ streamId: StreamId });

export function tenderIdParam(value: string, where: string): string {
  return validate(EntityId, value, `${where} tenderId`);
}

export function streamIdParam(value: string, where: string): string {
  return validate(StreamId, value, `${where} streamId`);
}

export const StateParams = z.strictObject({ at: z.string().max(40).optional() });
export const DiffParams = z.strictObject({ from: z.string().max(40), to: z.string().max(40).optional() });

export const KpiSnapshotParams = z.strictObject({
  asOf: IsoUtcTime,
  period: z.string().optional(),
  scope: z.string().default('org'),
  window: z.coerce.number().int().min(1, 'must be at least 1 quarter').max(8, 'must be at most 8 quarters').default(2),
  threshold: z.coerce.number().gt(0, 'must be above 0').max(1, 'must be at most 1').default(DEFAULT_PRACTICE_THRESHOLD),
});

/** GET /api/audit/search: a piece of an id, issuer, customer or name; pages of at most 50 bids. */
export const SearchParams = z.strictObject({
  q: z.string().trim().min(1, 'must not be empty').max(100, 'must be at most 100 characters'),
  page: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(1000, 'must be at most 1000')
    .default(1),
  pageSize: z.coerce
    .number()
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(50, 'must be at most 50')
    .default(20),
});

export const AuditReadsParams = z.strictObject({
  from: IsoDate.optional(),
  to: IsoDate.optional(),
  actorId: EntityId.optional(),
  stream: StreamId.optional(),
});

/** The query-string values as recorded in an AuditRead: strings only, absent ones left out. */
export function recordedParameters(params: Readonly<Record<string, unknown>>): Record<string, string> {
  const recorded: Record<string, string> = {};
  for (const [name, value] of Object.entries(params ?? {}))
    if (typeof value === 'string') recorded[name] = value.slice(0, 500);
  return recorded;
}
