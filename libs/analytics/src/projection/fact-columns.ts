import type { RecordedEvent } from '@presales/event-store';
import { SqlDecimal, type AnalyticsValue } from '../analytics-store.port.js';
import { toSqlDateTime } from '../sql/escape.js';

export type EventData = Readonly<Record<string, unknown>>;

/**
 * What a row may need beyond its own event, looked up in the (immutable) log before the batch
 * is projected, so a row stays a pure function of the log.
 */
export interface ProjectionContext {
  /** The currency a quote was drafted in (QuoteRevised does not repeat it). */
  quoteCurrency(quoteId: string): string | undefined;
}

/** One column of a fact table: its ClickHouse type and how to read it from an event. */
export interface FactColumn {
  readonly name: string;
  readonly type: string;
  readonly read: (data: EventData, event: RecordedEvent, context: ProjectionContext) => AnalyticsValue;
}

type FieldReader = (data: EventData) => unknown;

/** A payload path split once when the column is declared, not once per row. */
function fieldReader(path: string): FieldReader {
  const keys = path.split('.');
  if (keys.length === 1) return (data) => data[path];
  return (data) => keys.reduce<unknown>((value, key) => (value as Record<string, unknown> | undefined)?.[key], data);
}

/** A column converting one payload field; its path is split once, here, not once per row. */
function fieldColumn(name: string, type: string, from: string, convert: (value: unknown) => AnalyticsValue): FactColumn {
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
  list: (name: string, from: string) => fieldColumn(name, 'Array(String)', from, (value) => ((value as string[] | undefined) ?? []).map(String)),
  /** How many items a list holds. */
  count: (name: string, from: string) => fieldColumn(name, 'UInt32', from, (value) => ((value as unknown[] | undefined) ?? []).length),
  number: (name: string, from: string) => fieldColumn(name, 'Float64', from, (value) => numberOr(value, 0)),
  optionalNumber: (name: string, from: string) => fieldColumn(name, 'Nullable(Float64)', from, (value) => numberOr(value, null)),
  flag: (name: string, from: string) => fieldColumn(name, 'UInt8', from, (value) => (value === true ? 1 : 0)),
  /** Exact decimal text (amounts, percentages as strings). */
  decimal: (name: string, from: string) => fieldColumn(name, 'Decimal(38, 6)', from, (value) => decimalOr(value, new SqlDecimal('0'))),
  optionalDecimal: (name: string, from: string) => fieldColumn(name, 'Nullable(Decimal(38, 6))', from, (value) => decimalOr(value, null)),
  /** A nested value kept whole as JSON text (quote lines, checklists, definitions). */
  json: (name: string, from: string) => fieldColumn(name, 'String', from, (value) => JSON.stringify(value ?? null)),
  /** A value computed from the payload (derived values are never stored as truth in events). */
  derived: (name: string, type: string, read: FactColumn['read']): FactColumn => ({ name, type, read }),
};

/** ISO time → `DateTime('UTC')` plus epoch milliseconds beside it (no DateTime64, decision 8). */
export function timeColumns(name: string, from: string, optional = false): FactColumn[] {
  const iso = fieldReader(from) as (data: EventData) => string | undefined;
  return [
    { name, type: "DateTime('UTC')", read: (d) => (iso(d) === undefined ? (optional ? '1970-01-01 00:00:00' : missing(from)) : toSqlDateTime(iso(d)!)) },
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
  return typeof value === 'number' ? value : typeof value === 'string' && value.trim() !== '' && Number.isFinite(Number(value)) ? Number(value) : fallback;
}

function decimalOr<T extends SqlDecimal | null>(value: unknown, fallback: T): SqlDecimal | T {
  if (value === undefined || value === null) return fallback;
  return new SqlDecimal(typeof value === 'number' ? String(value) : String(value));
}

function missing(from: string): never {
  throw new Error(`projection: required time field ${from} is missing`);
}
