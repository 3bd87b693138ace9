import type { Field } from './field-model';
import { decimalProblem, quantityValue } from './decimal-text';

/** What a field holds while it is edited: text, a list of ids or choices, a yes/no, a group, rows. */
export type FieldValue = string | boolean | string[] | FormValues | FormValues[];
export interface FormValues {
  [name: string]: FieldValue;
}

/** A problem the form found before sending, as a message key of workspace.problems with its parameters. */
export interface FieldProblem {
  readonly key:
    | 'required'
    | 'decimal'
    | 'notNegative'
    | 'positive'
    | 'percent'
    | 'quantity'
    | 'integer'
    | 'range'
    | 'json'
    | 'rows';
  readonly params?: Readonly<Record<string, string | number>>;
}

export interface StartValues {
  /** The signed-in person's id. */
  readonly me: string;
  /** Values to start with, by top-level field (from My work, a chain, the URL). */
  readonly prefill?: Readonly<Record<string, string>>;
  /** A fresh id for a field the command introduces. */
  readonly newId: (field: string) => string;
}

function emptyValue(field: Field, start: StartValues): FieldValue {
  const kind = field.kind;
  switch (kind.type) {
    case 'new-id':
      return start.newId(field.name);
    case 'reference':
      return kind.many ? (field.defaultsToMe ? [start.me] : []) : field.defaultsToMe ? start.me : '';
    case 'id':
      return field.defaultsToMe ? start.me : '';
    case 'enum':
      return kind.many ? [] : '';
    case 'text-list':
      return [];
    case 'boolean':
      return false;
    case 'group':
      return initialValues(kind.fields, { ...start, prefill: {} });
    case 'rows':
      return Array.from({ length: Math.max(1, kind.min) }, () => initialValues(kind.fields, { ...start, prefill: {} }));
    default:
      return '';
  }
}

/** A form's first values: prefilled, then defaults (me, fresh ids), else empty. */
export function initialValues(fields: readonly Field[], start: StartValues): FormValues {
  const values: FormValues = {};
  for (const field of fields) {
    const given = start.prefill?.[field.name];
    values[field.name] =
      given === undefined
        ? emptyValue(field, start)
        : field.kind.type === 'reference' && field.kind.many
          ? [given]
          : given;
  }
  return values;
}

/** A new empty row for a rows field (a quote's line). */
export function newRow(field: Field, start: StartValues): FormValues {
  return field.kind.type === 'rows' ? initialValues(field.kind.fields, { ...start, prefill: {} }) : {};
}

function isList(field: Field): boolean {
  const kind = field.kind;
  return kind.type === 'text-list' || ((kind.type === 'reference' || kind.type === 'enum') && kind.many);
}

function isBlank(value: FieldValue | undefined): boolean {
  return value === undefined || value === '' || (Array.isArray(value) && value.length === 0);
}

/**
 * The command's payload from the form's values, or the problems found (by dotted path, list items
 * by index, as the API names them). Blank optional fields are left out; decimals stay text.
 */
export function toPayload(
  fields: readonly Field[],
  values: FormValues,
  prefix = '',
): { payload: Record<string, unknown>; problems: Record<string, FieldProblem> } {
  const payload: Record<string, unknown> = {};
  const problems: Record<string, FieldProblem> = {};
  for (const field of fields) {
    const path = `${prefix}${field.name}`;
    const raw = values[field.name];
    const kind = field.kind;
    if (kind.type === 'boolean') {
      payload[field.name] = raw === true;
      continue;
    }
    const text = typeof raw === 'string' ? raw.trim() : raw;
    if (isBlank(text)) {
      // A list the schema requires is sent empty (usedAssetIds: []), and the API says if it may not be.
      if (field.required && isList(field)) payload[field.name] = [];
      else if (field.required) problems[path] = { key: 'required' };
      continue;
    }
    switch (kind.type) {
      case 'decimal': {
        const problem = decimalProblem(String(text), kind.rule);
        if (problem === undefined) payload[field.name] = String(text);
        else problems[path] = { key: problem };
        break;
      }
      case 'quantity': {
        const number = quantityValue(String(text));
        if (number === undefined) problems[path] = { key: 'quantity' };
        else if (
          (kind.exclusiveMin ? number <= kind.min : number < kind.min) ||
          (kind.max !== undefined && number > kind.max)
        )
          problems[path] = { key: 'range', params: { min: kind.min, max: kind.max ?? '∞' } };
        else payload[field.name] = number;
        break;
      }
      case 'integer': {
        const number = /^-?\d+$/.test(String(text)) ? Number(text) : undefined;
        if (number === undefined) problems[path] = { key: 'integer' };
        else if ((kind.min !== undefined && number < kind.min) || (kind.max !== undefined && number > kind.max))
          problems[path] = { key: 'range', params: { min: kind.min ?? '-∞', max: kind.max ?? '∞' } };
        else payload[field.name] = number;
        break;
      }
      case 'datetime':
        payload[field.name] = toUtcIso(String(text));
        break;
      case 'group': {
        const inner = toPayload(kind.fields, text as FormValues, `${path}.`);
        Object.assign(problems, inner.problems);
        payload[field.name] = inner.payload;
        break;
      }
      case 'rows': {
        const rows = text as FormValues[];
        payload[field.name] = rows.map((row, index) => {
          const inner = toPayload(kind.fields, row, `${path}.${index}.`);
          Object.assign(problems, inner.problems);
          return inner.payload;
        });
        break;
      }
      case 'json':
        try {
          payload[field.name] = JSON.parse(String(text));
        } catch {
          problems[path] = { key: 'json' };
        }
        break;
      default:
        payload[field.name] = text;
    }
  }
  return { payload, problems };
}

/** `2026-03-01T09:30` from a local date-time input → `2026-03-01T01:30:00.000Z`; an ISO time stays as it is. */
export function toUtcIso(text: string): string {
  if (/Z$/.test(text)) return text;
  const time = new Date(text);
  return Number.isNaN(time.getTime()) ? text : time.toISOString();
}
