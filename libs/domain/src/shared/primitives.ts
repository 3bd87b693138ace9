import { z } from 'zod';
import { Decimal } from '../money/decimal.js';
import { CURRENCY_MINOR_UNITS, isCurrencyCode, type CurrencyCode } from '../money/currencies.js';

// Each shared type carries a `title`: the event catalog (docs/domain.md) shows the title instead
// of repeating the type's rules under every field, and lists the rules once. A rule zod checks in
// code (a refinement, a trim) is also written as JSON Schema in the meta (`pattern`, `enum`,
// `multipleOf`, `uniqueItems`), so the published contract accepts exactly what validation does
// (the contract-agreement e2e test generates bodies from it).

/** Text with something besides white space: what `.trim().min(1)` keeps, as a JSON Schema pattern. */
const NOT_BLANK = '\\S';

/** Ids are `[A-Za-z0-9_-]{1,64}` (DOMAIN.md); the pattern alone for checks outside a schema. */
export const ENTITY_ID_PATTERN = /^[A-Za-z0-9_-]{1,64}$/;

export const EntityId = z
  .string()
  .regex(ENTITY_ID_PATTERN, 'must match [A-Za-z0-9_-]{1,64}')
  .meta({ title: 'Id', description: 'string matching `[A-Za-z0-9_-]{1,64}`' });

/** ISO-8601 UTC time with a `Z` suffix, e.g. 2026-03-01T09:30:00Z. */
export const IsoUtcTime = z.iso
  .datetime({ message: 'must be an ISO-8601 UTC time such as 2026-03-01T09:30:00Z' })
  .meta({ title: 'IsoUtcTime', description: 'ISO-8601 UTC time with `Z`, e.g. `2026-03-01T09:30:00Z`' });

/** A calendar day, e.g. 2026-03-01. */
export const IsoDate = z.iso
  .date({ message: 'must be a calendar date such as 2026-03-01' })
  .meta({ title: 'IsoDate', description: 'calendar day `YYYY-MM-DD`, e.g. `2026-03-01`' });

export const NonEmptyText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(500, 'must be at most 500 characters')
  .meta({ title: 'Text', description: 'text of 1 to 500 characters, trimmed', pattern: NOT_BLANK });

/** Long free text: review findings, root causes, SQL templates. */
export const LongText = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(20_000, 'must be at most 20000 characters')
  .meta({ title: 'LongText', description: 'text of 1 to 20000 characters, trimmed', pattern: NOT_BLANK });

function decimalText(
  title: string,
  description: string,
  pattern: string,
  rule?: { test: (value: Decimal) => boolean; message: string },
) {
  const text = z
    .string()
    .max(40, 'must be at most 40 characters')
    .refine(
      Decimal.isValid,
      'must be a decimal number such as "12.5" with at most 6 decimals (a string, not a JSON number)',
    );
  const ruled =
    rule === undefined
      ? text
      : text.refine((value) => !Decimal.isValid(value) || rule.test(Decimal.parse(value)), rule.message);
  return ruled.meta({ title, description, pattern });
}

/** Decimals travel as strings so no binary floating point touches them. */
// Decimal.isValid and each rule as a pattern; `-0` is zero, so it is not negative.
const FRACTION = '(\\.\\d{1,6})?';
const ZERO_NEGATED = `-0+(\\.0{1,6})?`;
export const DecimalString = decimalText(
  'Decimal',
  'decimal number as a string, at most 6 decimals, e.g. `"-12.5"`',
  `^-?\\d+${FRACTION}$`,
);
export const NonNegativeDecimal = decimalText(
  'NonNegativeDecimal',
  'Decimal ≥ 0',
  `^(\\d+${FRACTION}|${ZERO_NEGATED})$`,
  {
    test: (value) => !value.isNegative(),
    message: 'must not be negative',
  },
);
// Without a lookahead, which generators and validators outside ECMAScript do not all support: a
// non-zero digit before the point, or a fraction of 1 to 6 digits whose first non-zero digit is
// at place k, followed by at most 5 - k digits.
const NON_ZERO_FRACTION = '([1-9]\\d{0,5}|0[1-9]\\d{0,4}|00[1-9]\\d{0,3}|000[1-9]\\d{0,2}|0000[1-9]\\d?|00000[1-9])';
export const PositiveDecimal = decimalText(
  'PositiveDecimal',
  'Decimal > 0',
  `^(\\d*[1-9]\\d*${FRACTION}|\\d+\\.${NON_ZERO_FRACTION})$`,
  {
    test: (value) => !value.isNegative() && !value.isZero(),
    message: 'must be greater than 0',
  },
);
export const PercentDecimal = decimalText(
  'PercentDecimal',
  'Decimal from 0 to 100',
  `^(0*\\d{1,2}${FRACTION}|0*100(\\.0{1,6})?|${ZERO_NEGATED})$`,
  {
    test: (value) => !value.isNegative() && value.compare(Decimal.HUNDRED) <= 0,
    message: 'must be from 0 to 100',
  },
);

export const CurrencyCodeSchema = z
  .string()
  .refine(isCurrencyCode, 'must be an ISO 4217 currency code in circulation, such as CNY, USD or EUR')
  .transform((code) => code as CurrencyCode)
  .meta({
    title: 'CurrencyCode',
    description: 'ISO 4217 code of a currency in circulation, e.g. `CNY`',
    enum: Object.keys(CURRENCY_MINOR_UNITS),
  });

/** Money is `{ amount: string (decimal), currency: ISO 4217 }` (DOMAIN.md). Amounts are not negative. */
export const MoneySchema = z
  .strictObject({ amount: NonNegativeDecimal, currency: CurrencyCodeSchema })
  .meta({ title: 'Money', description: '`{ amount: NonNegativeDecimal, currency: CurrencyCode }`' });

/**
 * A JSON number with at most two decimals, for hours, days and percentages of time. Arithmetic
 * on them goes through Decimal.fromNumber, never through floating point.
 */
function quantityNumber(title: string, description: string, min: number, max: number, minExclusive: boolean) {
  const base = z.number({ message: 'must be a number' }).max(max, `must be at most ${max}`);
  return (minExclusive ? base.gt(min, `must be greater than ${min}`) : base.min(min, `must be at least ${min}`))
    .refine((value) => /^\d+(\.\d{1,2})?$/.test(String(value)), 'must have at most 2 decimals')
    .meta({ title, description, multipleOf: 0.01 });
}

export const Hours = quantityNumber('Hours', 'number of hours > 0, at most 2 decimals, at most 10000', 0, 10_000, true);
export const HoursOrZero = quantityNumber(
  'HoursOrZero',
  'number of hours ≥ 0, at most 2 decimals, at most 10000',
  0,
  10_000,
  false,
);
export const Days = quantityNumber('Days', 'number of days ≥ 0, at most 2 decimals, at most 10000', 0, 10_000, false);
export const AllocationPct = quantityNumber(
  'AllocationPct',
  'share of a working week, number > 0 and ≤ 100, at most 2 decimals',
  0,
  100,
  true,
);

/** An integer score in [min, max], e.g. a level 1-5. */
export function IntegerBetween(min: number, max: number) {
  return z
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(min, `must be from ${min} to ${max}`)
    .max(max, `must be from ${min} to ${max}`);
}

/** A list whose items are all different (ids, product lines, members). */
export function UniqueList<T extends z.ZodType<string>>(item: T, options: { min?: number; max?: number } = {}) {
  const min = options.min ?? 0;
  const max = options.max ?? 200;
  return z
    .array(item)
    .min(min, min === 1 ? 'must list at least one' : `must list at least ${min}`)
    .max(max, `must list at most ${max}`)
    .superRefine((items, ctx) => {
      const seen = new Set<string>();
      items.forEach((value, index) => {
        if (seen.has(value))
          ctx.addIssue({ code: 'custom', path: [index], message: `must not repeat ${JSON.stringify(value)}` });
        seen.add(value);
      });
    })
    .meta({ description: 'no repeats', uniqueItems: true });
}

/** A product line is an id (`erp`, `crm-cloud`): KPI scopes of kind product_line refer to it. */
export const ProductLineId = EntityId;

/** A skill name as consultants and managers write it ("Kubernetes", "SAP FI"). */
export const SkillName = z
  .string()
  .trim()
  .min(1, 'must not be empty')
  .max(100, 'must be at most 100 characters')
  .meta({ title: 'Skill', description: 'skill name of 1 to 100 characters, trimmed', pattern: NOT_BLANK });

/** Sequential versions and revisions: 1, 2, 3 … */
export const Version = z
  .number({ message: 'must be a number' })
  .int('must be a whole number')
  .min(1, 'must be at least 1')
  .meta({ title: 'Version', description: 'whole number ≥ 1' });
