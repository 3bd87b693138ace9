import {
  Decimal,
  isCurrencyCode,
  quoteTotals,
  type QuoteLine,
  type QuoteTotals,
} from '@presales/domain/quote-arithmetic';
import { decimalProblem } from '../forms/decimal-text';
import type { DecimalRule } from '../forms/field-model';

/** One line as the builder edits it: every value is text, decimals included (never a JavaScript number). */
export type LineInput = { -readonly [Field in keyof QuoteLine]: string };

export const DECIMAL_FIELDS = ['quantity', 'unitPrice', 'unitCost', 'discountPct'] as const;
export const TEXT_FIELDS = ['lineId', 'productLine', 'sku', 'description'] as const;
export const LINE_FIELDS = [...TEXT_FIELDS, ...DECIMAL_FIELDS] as const;
export type LineField = (typeof LINE_FIELDS)[number];

const RULES = {
  quantity: 'positive',
  unitPrice: 'non-negative',
  unitCost: 'non-negative',
  discountPct: 'percent',
} as const satisfies Record<(typeof DECIMAL_FIELDS)[number], DecimalRule>;

export type LineProblem = 'required' | 'decimal' | 'notNegative' | 'positive' | 'percent' | 'duplicate' | 'rows';

/**
 * What keeps the lines from being sent, by the path the API's 400 would name (`lines.0.quantity`):
 * the domain's rules for decimal text (decision 0031), each lineId once, at least one line.
 */
export function lineProblems(lines: readonly LineInput[]): Record<string, LineProblem> {
  const problems: Record<string, LineProblem> = {};
  if (lines.length === 0) problems['lines'] = 'rows';
  const seen = new Set<string>();
  lines.forEach((line, index) => {
    for (const field of TEXT_FIELDS) if (line[field].trim() === '') problems[`lines.${index}.${field}`] = 'required';
    for (const field of DECIMAL_FIELDS) {
      const text = line[field].trim();
      const problem = text === '' ? 'required' : decimalProblem(text, RULES[field]);
      if (problem !== undefined) problems[`lines.${index}.${field}`] = problem;
    }
    const id = line.lineId.trim();
    if (id !== '' && seen.has(id)) problems[`lines.${index}.lineId`] = 'duplicate';
    seen.add(id);
  });
  return problems;
}

/** The lines as the command sends them: trimmed text. */
export function linesPayload(lines: readonly LineInput[]): QuoteLine[] {
  return lines.map((line) => {
    const trimmed = Object.fromEntries(LINE_FIELDS.map((field) => [field, line[field].trim()]));
    return trimmed as QuoteLine;
  });
}

/**
 * Totals and margin of the lines as typed, by the domain's own quoteTotals (the function the
 * decider derives marginPct with), or null while some line cannot be computed yet.
 */
export function liveTotals(lines: readonly LineInput[], currency: string): QuoteTotals | null {
  if (!isCurrencyCode(currency) || lines.length === 0) return null;
  const problems = lineProblems(lines);
  if (Object.keys(problems).some((path) => DECIMAL_FIELDS.some((field) => path.endsWith(`.${field}`)))) return null;
  return quoteTotals(linesPayload(lines), currency);
}

/** A line as text, from a recorded revision: the builder starts from the latest one. */
export function lineInputOf(line: QuoteLine): LineInput {
  return { ...line };
}

export interface FieldChange {
  readonly field: LineField;
  readonly before: string;
  readonly after: string;
}

export type LineChange =
  | { readonly kind: 'added'; readonly lineId: string }
  | { readonly kind: 'removed'; readonly lineId: string }
  | { readonly kind: 'changed'; readonly lineId: string; readonly fields: readonly FieldChange[] };

function sameValue(field: LineField, before: string, after: string): boolean {
  if (!(DECIMAL_FIELDS as readonly string[]).includes(field)) return before.trim() === after.trim();
  try {
    // "1.50" and "1.5" are one amount: the domain compares decimals, not their spelling.
    return Decimal.parse(before.trim()).equals(Decimal.parse(after.trim()));
  } catch {
    return before.trim() === after.trim();
  }
}

/** The lines added, removed and changed (field by field) against the previous revision, matched by lineId. */
export function quoteDiff(previous: readonly QuoteLine[], next: readonly LineInput[]): LineChange[] {
  const before = new Map(previous.map((line) => [line.lineId, line]));
  const after = new Set(next.map((line) => line.lineId.trim()));
  const changes: LineChange[] = [];
  for (const line of next) {
    const lineId = line.lineId.trim();
    const old = before.get(lineId);
    if (old === undefined) {
      changes.push({ kind: 'added', lineId });
      continue;
    }
    const fields = LINE_FIELDS.filter((field) => !sameValue(field, old[field], line[field])).map((field) => ({
      field,
      before: old[field],
      after: line[field].trim(),
    }));
    if (fields.length > 0) changes.push({ kind: 'changed', lineId, fields });
  }
  for (const line of previous) if (!after.has(line.lineId)) changes.push({ kind: 'removed', lineId: line.lineId });
  return changes;
}

/** Where a margin stands against the approval threshold; `none` when the total is 0. */
export function marginStanding(marginPct: string | null, thresholdPct: string): 'below' | 'meets' | 'none' {
  if (marginPct === null) return 'none';
  return Decimal.parse(marginPct).compare(Decimal.parse(thresholdPct)) < 0 ? 'below' : 'meets';
}
