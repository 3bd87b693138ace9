import type { z } from 'zod';

/**
 * The type of an answer, from its one model: the zod schema in `answers/` that the published
 * contract (/api/openapi.json) is generated from. Answers are read, never changed: readonly all
 * the way down. Only the type is imported here, so a client of these types loads no zod.
 */
export type Answer<Schema extends z.ZodType> = DeepReadonly<z.output<Schema>>;

type DeepReadonly<T> = T extends (infer Item)[]
  ? readonly DeepReadonly<Item>[]
  : T extends readonly (infer Item)[]
    ? readonly DeepReadonly<Item>[]
    : T extends object
      ? { readonly [K in keyof T]: DeepReadonly<T[K]> }
      : T;
