import { z } from 'zod';
import { ACTOR_ROLES, type Command } from './message.js';
import { EntityId, IsoUtcTime } from './primitives.js';
import { validate } from './validate.js';

/** Time and actor of a command; extra keys (causationId, …) pass through untouched. */
export const CommandMetadataSchema = z.object({
  occurredAt: IsoUtcTime,
  actor: z.object({ id: EntityId, role: z.enum(ACTOR_ROLES) }),
  correlationId: z.string().min(1).max(128).optional(),
});

/** One payload schema per command type of an aggregate. */
export type CommandSchemas = Readonly<Record<string, z.ZodType>>;

/** The commands of an aggregate as callers write them (defaults may be left out). */
export type CommandUnion<Schemas extends CommandSchemas> = {
  [T in keyof Schemas & string]: Command<T, z.input<Schemas[T]> & object>;
}[keyof Schemas & string];

/** The same commands after validation: trimmed, defaults filled in. */
export type ValidCommandUnion<Schemas extends CommandSchemas> = {
  [T in keyof Schemas & string]: Command<T, z.output<Schemas[T]> & object>;
}[keyof Schemas & string];

/**
 * Validate a command's payload and metadata against its schema, or throw a ValidationError
 * naming the command, each field, its value and the rule. `decide` runs this first, so no
 * unvalidated command reaches a rule even when a caller skipped parsing.
 */
export function validateCommand<Schemas extends CommandSchemas>(
  schemas: Schemas,
  command: CommandUnion<Schemas>,
): ValidCommandUnion<Schemas> {
  const schema = schemas[command.type];
  if (schema === undefined) throw new TypeError(`no schema for command ${command.type}`);
  const data = validate(schema, command.data, command.type);
  validate(CommandMetadataSchema, command.metadata, `${command.type} metadata`);
  return { type: command.type, data, metadata: command.metadata } as ValidCommandUnion<Schemas>;
}

/** Validate untrusted input into the payload of command `type`. */
export function parseCommandData<Schemas extends CommandSchemas, T extends keyof Schemas & string>(
  schemas: Schemas,
  type: T,
  input: unknown,
): z.output<Schemas[T]> {
  return validate(schemas[type]!, input, type);
}

/**
 * What an event schema's meta says (`description`, and the rules its refinements check as the
 * published contract states them: `anyOf`, `dependentRequired`), for the command schema built
 * from it with safeExtend: meta belongs to one schema instance, and the extended one is new.
 */
export function metaOf(event: z.ZodType): z.core.GlobalMeta {
  return z.globalRegistry.get(event) ?? {};
}

/** `value` without `key`: most events are their command's payload minus the aggregate's id. */
export function without<T extends object, K extends keyof T>(value: T, key: K): Omit<T, K> {
  const { [key]: _omitted, ...rest } = value;
  return rest;
}
