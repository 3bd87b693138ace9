import { SAVED_QUERY_VISIBILITIES } from '@presales/contracts';
import { z } from 'zod';
import { SqlText } from '../sql/sql-text.js';

const Draft = {
  name: z.string().trim().min(1, 'must not be empty').max(120, 'must be at most 120 characters'),
  description: z.string().max(2000, 'must be at most 2,000 characters').default(''),
  sql: SqlText,
  visibility: z.enum(SAVED_QUERY_VISIBILITIES).default('private'),
  /** The workbench's chart state, as its link carries it. */
  chart: z.string().max(2000, 'must be at most 2,000 characters').nullable().default(null),
};

export const NewSavedQueryBody = z.strictObject(Draft);

/** A new version names the version it was edited from: saving over someone else's newer one is a 409. */
export const NextVersionBody = z.strictObject({
  ...Draft,
  baseVersion: z.number().int().min(1, 'must be a version number, from 1'),
});

/** Ids this platform gives (UUIDs); anything else names no query. */
export const SAVED_QUERY_ID = /^[0-9a-f-]{36}$/;
