import { z } from 'zod';

export type JsonSchema = Record<string, unknown>;

/**
 * A zod schema as the contract publishes it, without the dialect line: what a client may send
 * (`input`: defaults optional, before coercion) or what it receives (`output`).
 */
export function jsonSchemaOf(schema: z.ZodType, io: 'input' | 'output' = 'input'): JsonSchema {
  const { $schema: _dialect, ...published } = z.toJSONSchema(schema, { io, unrepresentable: 'any' }) as JsonSchema;
  return published;
}
