import { z } from 'zod';

/** The part of JSON Schema (draft 2020-12, as zod 4 writes it) the catalog reads. */
export interface JsonSchema {
  readonly type?: string | readonly string[];
  readonly title?: string;
  readonly description?: string;
  readonly enum?: readonly unknown[];
  readonly const?: unknown;
  readonly default?: unknown;
  readonly properties?: Readonly<Record<string, JsonSchema>>;
  readonly required?: readonly string[];
  readonly items?: JsonSchema;
  readonly additionalProperties?: JsonSchema | boolean;
  readonly propertyNames?: JsonSchema;
  readonly anyOf?: readonly JsonSchema[];
  readonly format?: string;
  readonly pattern?: string;
  readonly minimum?: number;
  readonly maximum?: number;
  readonly exclusiveMinimum?: number;
  readonly exclusiveMaximum?: number;
  readonly minLength?: number;
  readonly maxLength?: number;
  readonly minItems?: number;
  readonly maxItems?: number;
}

/** One row of a field table: `lines[].quantity | PositiveDecimal | yes | …`. */
export interface FieldRow {
  readonly path: string;
  readonly type: string;
  readonly required: string;
  readonly rules: string;
}

/** The accepted input shape of `schema` (defaults optional), as JSON Schema. */
export function jsonSchemaOf(schema: z.ZodType): JsonSchema {
  return z.toJSONSchema(schema, { io: 'input', unrepresentable: 'any' }) as JsonSchema;
}

/**
 * Rows for the fields of an object schema, nested objects and object lists flattened into dotted
 * paths. A node with a `title` is a shared type: it is shown by name, and only the bounds in which
 * it differs from the shared type itself (`bases`) are repeated.
 */
export function fieldRows(schema: JsonSchema, bases: ReadonlyMap<string, JsonSchema>, prefix = ''): FieldRow[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).flatMap(([name, node]) => {
    const path = `${prefix}${name}`;
    const shown = describe(node, bases);
    const row: FieldRow = {
      path,
      type: shown.type,
      required:
        node.default !== undefined ? `no (default ${JSON.stringify(node.default)})` : required.has(name) ? 'yes' : 'no',
      rules: shown.rules.join('; '),
    };
    return [
      row,
      ...(shown.expand === undefined ? [] : fieldRows(shown.expand.schema, bases, `${path}${shown.expand.suffix}`)),
    ];
  });
}

interface Shown {
  readonly type: string;
  readonly rules: readonly string[];
  /** An inline object whose fields get rows of their own, under `path + suffix`. */
  readonly expand?: { readonly schema: JsonSchema; readonly suffix: string };
}

function describe(node: JsonSchema, bases: ReadonlyMap<string, JsonSchema>): Shown {
  const nullable = nullableInner(node);
  if (nullable !== undefined) {
    const inner = describe(nullable, bases);
    return { ...inner, type: `${inner.type} or null` };
  }
  if (node.title !== undefined) return { type: node.title, rules: differingBounds(node, bases.get(node.title)) };
  const described = node.description === undefined ? [] : [node.description];
  if (node.enum !== undefined) return { type: node.enum.map((value) => String(value)).join(' \\| '), rules: described };
  if (node.const !== undefined) return { type: JSON.stringify(node.const), rules: described };
  const type = Array.isArray(node.type) ? node.type.join(' or ') : (node.type as string | undefined);
  switch (type) {
    case 'array': {
      const item = describe(node.items ?? {}, bases);
      const rules = [...bounds(node), ...item.rules.map((rule) => `each: ${rule}`), ...described];
      if (item.expand !== undefined)
        return { type: 'object[]', rules, expand: { schema: item.expand.schema, suffix: '[].' } };
      return { type: `${item.type}[]`, rules };
    }
    case 'object': {
      if (node.properties !== undefined)
        return { type: 'object', rules: described, expand: { schema: node, suffix: '.' } };
      const keys = node.propertyNames === undefined ? 'string' : describe(node.propertyNames, bases).type;
      const values =
        typeof node.additionalProperties === 'object' ? describe(node.additionalProperties, bases).type : 'any';
      return { type: `map of ${keys} → ${values}`, rules: ['any of the keys, each optional', ...described] };
    }
    default:
      return { type: type ?? 'any', rules: [...bounds(node), ...described] };
  }
}

/** `X | null` written as anyOf or as a type list. */
function nullableInner(node: JsonSchema): JsonSchema | undefined {
  if (node.anyOf?.length === 2 && node.anyOf.some((option) => option.type === 'null'))
    return node.anyOf.find((option) => option.type !== 'null');
  if (Array.isArray(node.type) && node.type.length === 2 && node.type.includes('null'))
    return { ...node, type: node.type.find((t) => t !== 'null') };
  return undefined;
}

const BOUND_TEXT: Readonly<Record<string, (value: unknown) => string>> = {
  minimum: (value) => `≥ ${String(value)}`,
  exclusiveMinimum: (value) => `> ${String(value)}`,
  maximum: (value) => `≤ ${String(value)}`,
  exclusiveMaximum: (value) => `< ${String(value)}`,
  minLength: (value) => `at least ${count(value, 'character')}`,
  maxLength: (value) => `at most ${count(value, 'character')}`,
  minItems: (value) => `at least ${count(value, 'item')}`,
  maxItems: (value) => `at most ${count(value, 'item')}`,
  pattern: (value) => `matches \`${String(value)}\``,
  format: (value) => `format ${String(value)}`,
};

function count(value: unknown, noun: string): string {
  return `${String(value)} ${noun}${value === 1 ? '' : 's'}`;
}

/** "at least 0 items", and the safe-integer range zod gives every whole number, say nothing. */
function saysNothing(key: string, value: unknown): boolean {
  return (
    (key === 'minItems' && value === 0) ||
    (key === 'maximum' && value === Number.MAX_SAFE_INTEGER) ||
    (key === 'minimum' && value === Number.MIN_SAFE_INTEGER)
  );
}

function bounds(node: JsonSchema): string[] {
  return Object.entries(BOUND_TEXT).flatMap(([key, text]) => {
    const value = (node as Record<string, unknown>)[key];
    return value === undefined || saysNothing(key, value) ? [] : [text(value)];
  });
}

/** The bounds of a shared-type node that differ from the shared type's own (e.g. Hours ≤ 24). */
function differingBounds(node: JsonSchema, base: JsonSchema | undefined): string[] {
  return Object.entries(BOUND_TEXT).flatMap(([key, text]) => {
    const value = (node as Record<string, unknown>)[key];
    const baseValue = base === undefined ? undefined : (base as Record<string, unknown>)[key];
    return value === undefined || value === baseValue || key === 'pattern' || key === 'format' ? [] : [text(value)];
  });
}

/** A markdown table of field rows; `|` inside cells is escaped. */
export function fieldTable(rows: readonly FieldRow[]): string {
  if (rows.length === 0) return '_no fields_\n';
  const cell = (text: string) => text.replace(/(?<!\\)\|/g, '\\|').replace(/\n/g, ' ');
  const lines = rows.map((row) => `| \`${row.path}\` | ${cell(row.type)} | ${row.required} | ${cell(row.rules)} |`);
  return ['| field | type | required | rules |', '| --- | --- | --- | --- |', ...lines, ''].join('\n');
}
