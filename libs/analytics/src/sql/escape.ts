import { sqlDateTimeOfEpochMs } from './utc-date-time.js';

/**
 * The one escaping function (DESIGN.md decision 8): the common dialect has no query
 * parameters on ClickHouse 18.16, so every value reaches SQL through here.
 */
export type SqlScalar = string | number | bigint | boolean | null | Date;

const STRING_ESCAPES: Readonly<Record<string, string>> = {
  '\\': '\\\\',
  "'": "\\'",
  '\0': '\\0',
  '\n': '\\n',
  '\r': '\\r',
  '\t': '\\t',
  '\b': '\\b',
  '\f': '\\f',
};

export function sqlValue(value: SqlScalar): string {
  if (value === null) return 'NULL';
  if (typeof value === 'string') return `'${value.replace(/[\\'\0\n\r\t\b\f]/g, (c) => STRING_ESCAPES[c]!)}'`;
  if (typeof value === 'bigint') return value.toString();
  if (typeof value === 'boolean') return value ? '1' : '0';
  if (value instanceof Date) return sqlValue(toSqlDateTime(value));
  if (!Number.isFinite(value)) throw new RangeError(`sqlValue: ${value} is not a finite number`);
  return String(value);
}

const IDENTIFIER = /^[A-Za-z_][A-Za-z0-9_]{0,127}$/;

/** Whether `name` may be written as a table or column name as it is. */
export function isSqlIdentifier(name: string): boolean {
  return IDENTIFIER.test(name);
}

/** Table and column names are never escaped, only validated. */
export function sqlIdentifier(name: string): string {
  if (!isSqlIdentifier(name)) throw new RangeError(`sqlIdentifier: ${JSON.stringify(name)} is not a plain identifier`);
  return name;
}

/** `'YYYY-MM-DD hh:mm:ss'` in UTC: the DateTime text both engines parse (decision 8). */
export function toSqlDateTime(value: Date | string): string {
  const ms = typeof value === 'string' ? Date.parse(value) : value.getTime();
  if (Number.isNaN(ms)) throw new RangeError(`toSqlDateTime: ${JSON.stringify(value)} is not a time`);
  return sqlDateTimeOfEpochMs(ms);
}
