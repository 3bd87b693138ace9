import { z } from 'zod';

/** POST /api/sql `{ sql }` — one read-only statement over the analytics tables. */
export const SqlResponse = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.array(z.record(z.string(), z.unknown())),
  rowCount: z.number(),
  rowsRead: z.number(),
  elapsedMs: z.number(),
});

/**
 * POST /api/sql `{ sql, format: 'rows' }` — the same answer in a compact shape: the column names
 * once, each row an array of its values in the columns' order (decision 0044). A 100,000-row
 * answer is about half the bytes of `SqlResponse` and parses into arrays, not objects.
 */
export const SqlRowsResponse = z.object({
  columns: z.array(z.object({ name: z.string(), type: z.string() })),
  rows: z.array(z.array(z.unknown())).meta({ description: "each row's values, in the order of `columns`" }),
  rowCount: z.number(),
  rowsRead: z.number(),
  elapsedMs: z.number(),
});

/** A text in both of the product's languages. */
export const BilingualText = z.object({ en: z.string(), 'zh-CN': z.string() });

export const SqlSchemaColumn = z.object({
  name: z.string(),
  type: z.string(),
  meaning: BilingualText,
  samples: z.array(z.string()).meta({
    description: "a few distinct values from the table's first rows, as text (long ones cut), empty when the table is",
  }),
});

export const SqlSchemaTable = z.object({
  name: z.string(),
  meaning: BilingualText,
  orderBy: z.array(z.string()).meta({ description: 'the sorting key: what a WHERE or ORDER BY reads fastest' }),
  rows: z.number().meta({ description: 'rows in the table (before FINAL collapses replays)' }),
  columns: z.array(SqlSchemaColumn),
});

/** GET /api/sql/schema — what an analyst may read, said in both languages. */
export const SqlSchemaResponse = z.object({
  tables: z.array(SqlSchemaTable),
  examples: z.array(z.object({ id: z.string(), title: BilingualText, sql: z.string() })),
});
