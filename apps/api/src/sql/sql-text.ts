import { z } from 'zod';

/** Half of a UTF-16 pair without the other: not text, and the engine would read U+FFFD instead. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

/** An analyst's SQL text, run or saved: the same rules both ways. */
export const SqlText = z
  .string()
  .min(1, 'must not be empty')
  .max(100_000, 'must be at most 100,000 characters')
  .refine((sql) => !LONE_SURROGATE.test(sql), 'must be text: it holds half of a UTF-16 surrogate pair');
