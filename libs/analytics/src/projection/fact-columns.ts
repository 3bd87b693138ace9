import type { RecordedEvent } from '@presales/event-store';
import { SqlDecimal, type AnalyticsValue } from '../analytics-store.port.js';
import { toSqlDateTime } from '../sql/escape.js';
import type { EarlierEvent, EarlierEventFacts } from './earlier-events.js';

export type EventData = Readonly<Record<string, unknown>>;

/**
 * What a row may need beyond its own event, looked up in the (immutable) log before the batch
 * is projected, so a row stays a pure function of the log.
 */
export interface ProjectionContext {
  /** The earlier event of `event`'s stream it copies fields from, undefined when the log has none. */
  earlier(event: RecordedEvent, lookup: EarlierEvent): EarlierEventFacts | undefined;
}

/** One column of a fact table: its ClickHouse type and how to read it from an event. */
export interface FactColumn {
  readonly name: string;
  readonly type: string;
  readonly read: (data: EventData, event: RecordedEvent, context: ProjectionContext) => AnalyticsValue;
  /** Where the column copies its value from, looked up before the batch is projected. */
  readonly copiedFrom?: CopiedFrom;
}

/** An earlier event of the same stream, and the column of that event's fact table holding the value. */
export interface CopiedFrom {
  readonly lookup: EarlierEvent;
  /** Its column in the earlier event's fact table, which a store created before the copy is filled from. */
  readonly column: string;
}

type FieldReader = (data: EventData) => unknown;

/** A payload path split once when the column is declared, not once per row. */
function fieldReader(path: string): FieldReader {
  const keys = path.split('.');
  if (keys.length === 1) return (data) => data[path];
  return (data) => keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
}

/** A column converting one payload field; its path is split once, here, not once per row. */
function fieldColumn(
  name: string,
  type: string,
  from: string,
  convert: (value: unknown) => AnalyticsValue,
): FactColumn {
  const field = fieldReader(from);
  return { name, type, read: (data) => convert(field(data)) };
}

/**
 * Column builders, one per kind of field. Each takes the column name (snake_case) and the
 * payload field it comes from (camelCase, dotted for nested), so a fact table reads like a
 * mapping from DOMAIN.md to SQL.
 */
export const col = {
  /** Text or enum; absent optional text is ''. */
  text: (name: string, from: string) => fieldColumn(name, 'String', from, (value) => stringOr(value, '')),
  /** Array of ids or names. */
  list: (name: string, from: string) =>
    fieldColumn(name, 'Array(String)', from, (value) => ((value as string[] | undefined) ?? []).map(String)),
  /** How many items a list holds. */
  count: (name: string, from: string) =>
    fieldColumn(name, 'UInt32', from, (value) => ((value as unknown[] | undefined) ?? []).length),
  number: (name: string, from: string) => fieldColumn(name, 'Float64', from, (value) => numberOr(value, 0)),
  optionalNumber: (name: string, from: string) =>
    fieldColumn(name, 'Nullable(Float64)', from, (value) => numberOr(value, null)),
  flag: (name: string, from: string) => fieldColumn(name, 'UInt8', from, (value) => (value === true ? 1 : 0)),
  /** Exact decimal text (amounts, percentages as strings). */
  decimal: (name: string, from: string) =>
    fieldColumn(name, 'Decimal(38, 6)', from, (value) => decimalOr(value, new SqlDecimal('0'))),
  optionalDecimal: (name: string, from: string) =>
    fieldColumn(name, 'Nullable(Decimal(38, 6))', from, (value) => decimalOr(value, null)),
  /** A nested value kept whole as JSON text (quote lines, checklists, definitions). */
  json: (name: string, from: string) => fieldColumn(name, 'String', from, (value) => JSON.stringify(value ?? null)),
  /** A value computed from the payload (derived values are never stored as truth in events). */
  derived: (name: string, type: string, read: FactColumn['read']): FactColumn => ({ name, type, read }),
};

/**
 * Columns copied from an earlier event of the same stream (decision 0016). Each takes the lookup,
 * the column name and the earlier event's payload field; with no such event in the log a column
 * holds its type's empty value ('' or 0), as a LEFT JOIN on the earlier event's table did.
 */
export const copy = {
  text: (lookup: EarlierEvent, name: string, from: string) =>
    copied(lookup, name, 'String', from, columnOf(from), (value) => stringOr(value, '')),
  /** The amount of a Money field (`<field>.amount`), as `moneyColumns` stores it. */
  decimal: (lookup: EarlierEvent, name: string, from: string) =>
    copied(lookup, name, 'Decimal(38, 6)', from, columnOf(from), (value) => decimalOr(value, new SqlDecimal('0'))),
  number: (lookup: EarlierEvent, name: string, from: string) =>
    copied(lookup, name, 'Float64', from, columnOf(from), (value) => numberOr(value, 0)),
  /** A list of ids or names, as `col.list` stores it. */
  list: (lookup: EarlierEvent, name: string, from: string) =>
    copied(lookup, name, 'Array(String)', from, columnOf(from), (value) =>
      ((value as string[] | undefined) ?? []).map(String),
    ),
  /**
   * An ISO time field as epoch milliseconds, as `timeColumns(column, from)` stores it in
   * `<column>_ms`; `column` defaults to the field's own name.
   */
  epochMs: (lookup: EarlierEvent, name: string, from: string, column = columnOf(from)) =>
    copied(lookup, name, 'UInt64', from, `${column}_ms`, (value) =>
      typeof value === 'string' ? epochMsOr0(value) : 0,
    ),
  /** The earlier event's business time (occurredAt) as epoch milliseconds. */
  occurredAtMs: (lookup: EarlierEvent, name: string): FactColumn => ({
    name,
    type: 'UInt64',
    copiedFrom: { lookup, column: 'occurred_at_ms' },
    read: (_data, event, context) => {
      const earlier = context.earlier(event, lookup);
      return earlier === undefined ? 0 : epochMsOr0(earlier.occurredAt);
    },
  }),
};

function copied(
  lookup: EarlierEvent,
  name: string,
  type: string,
  from: string,
  column: string,
  convert: (value: unknown) => AnalyticsValue,
): FactColumn {
  if (!lookup.fields.includes(from.split('.')[0]!))
    throw new Error(`fact column ${name}: ${lookup.type} lookup does not remember ${from}`);
  const field = fieldReader(from);
  return {
    name,
    type,
    copiedFrom: { lookup, column },
    read: (_data, event, context) => convert(mapOr(context.earlier(event, lookup), field)),
  };
}

/**
 * The fact column a payload field lands in, by the builders' naming: snake_case, and a Money
 * field's `.amount` in `<field>`, its `.currency` in `<field>_currency` (`moneyColumns`).
 */
export function columnOf(from: string): string {
  return from
    .replace(/\.amount$/, '')
    .replace(/\.currency$/, '_currency')
    .replace(/[A-Z]/g, (letter) => `_${letter.toLowerCase()}`);
}

function mapOr(earlier: EarlierEventFacts | undefined, field: FieldReader): unknown {
  return earlier === undefined ? undefined : field(earlier.data);
}

function epochMsOr0(iso: string): number {
  const ms = Date.parse(iso);
  return Number.isNaN(ms) ? 0 : ms;
}

/** ISO time → `DateTime('UTC')` plus epoch milliseconds beside it (no DateTime64, decision 8). */
export function timeColumns(name: string, from: string, optional = false): FactColumn[] {
  const iso = fieldReader(from) as (data: EventData) => string | undefined;
  return [
    {
      name,
      type: "DateTime('UTC')",
      read: (d) => (iso(d) === undefined ? (optional ? '1970-01-01 00:00:00' : missing(from)) : toSqlDateTime(iso(d)!)),
    },
    { name: `${name}_ms`, type: 'UInt64', read: (d) => (iso(d) === undefined ? 0 : Date.parse(iso(d)!)) },
  ];
}

/** Money → `<name>` Decimal(38, 6) and `<name>_currency`. */
export function moneyColumns(name: string, from: string, optional = false): FactColumn[] {
  return [
    optional ? col.optionalDecimal(name, `${from}.amount`) : col.decimal(name, `${from}.amount`),
    col.text(`${name}_currency`, `${from}.currency`),
  ];
}

function stringOr(value: unknown, fallback: string): string {
  return value === undefined || value === null ? fallback : String(value);
}

function numberOr<T extends number | null>(value: unknown, fallback: T): number | T {
  return typeof value === 'number'
    ? value
    : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value))
      ? Number(value)
      : fallback;
}

function decimalOr<T extends SqlDecimal | null>(value: unknown, fallback: T): SqlDecimal | T {
  if (value === undefined || value === null) return fallback;
  return new SqlDecimal(typeof value === 'number' ? String(value) : String(value));
}

function missing(from: string): never {
  throw new Error(`projection: required time field ${from} is missing`);
}
