/**
 * Fixed-point decimal numbers on bigint, so that amounts, prices, hours and percentages are
 * never binary floating point (0.1 + 0.2 is exactly 0.3 here).
 *
 * Every value is an integer count of 10^-6 (scale 6). Addition, subtraction and comparison are
 * exact. Multiplication and division round once, to `places` decimals (default 6), with an
 * explicit rounding mode:
 *
 * - `half_even` (default, "banker's rounding"): a tie goes to the even neighbour, so rounding
 *   many values does not drift up on average. 2.5 → 2, 3.5 → 4, -2.5 → -2.
 * - `half_up`: a tie goes away from zero (四舍五入, what quotations and invoices use).
 *   2.5 → 3, -2.5 → -3.
 *
 * `Decimal.ratio` evaluates a whole product/quotient exactly and rounds once at the end, so a
 * chain such as quantity × price × (100 − discount) ÷ 100 never suffers double rounding.
 */
export const DECIMAL_SCALE = 6;
const UNITS_PER_ONE = 10n ** BigInt(DECIMAL_SCALE);

export const ROUNDING_MODES = ['half_even', 'half_up'] as const;
export type Rounding = (typeof ROUNDING_MODES)[number];

export interface RoundingOptions {
  /** Decimals to keep, 0..6. */
  readonly places?: number;
  readonly rounding?: Rounding;
}

const DECIMAL_TEXT = /^(-)?(\d+)(?:\.(\d+))?$/;

export class Decimal {
  private constructor(
    /** The value times 10^6. */
    readonly units: bigint,
  ) {}

  static readonly ZERO = new Decimal(0n);
  static readonly ONE = new Decimal(UNITS_PER_ONE);
  static readonly HUNDRED = new Decimal(100n * UNITS_PER_ONE);

  /** Parse `-12.345`-style text with at most 6 decimals; anything else is a RangeError. */
  static parse(text: string): Decimal {
    const match = DECIMAL_TEXT.exec(text);
    if (match === null) throw new RangeError(`not a decimal number: ${JSON.stringify(text)}`);
    const [, minus, whole, fraction = ''] = match;
    if (fraction.length > DECIMAL_SCALE) {
      throw new RangeError(`${JSON.stringify(text)} has more than ${DECIMAL_SCALE} decimal places`);
    }
    const units = BigInt(whole!) * UNITS_PER_ONE + BigInt(fraction.padEnd(DECIMAL_SCALE, '0'));
    return new Decimal(minus === undefined ? units : -units);
  }

  /** True when `text` is a decimal `parse` accepts. */
  static isValid(text: string): boolean {
    const match = DECIMAL_TEXT.exec(text);
    return match !== null && (match[3] ?? '').length <= DECIMAL_SCALE;
  }

  static fromInteger(value: number | bigint): Decimal {
    if (typeof value === 'number' && !Number.isSafeInteger(value)) throw new RangeError(`not a safe integer: ${value}`);
    return new Decimal(BigInt(value) * UNITS_PER_ONE);
  }

  /**
   * A JSON number with at most 6 decimals (hours, percentages), read through its shortest
   * decimal text so that 0.1 becomes exactly 0.1. NaN, infinities and exponents are rejected.
   */
  static fromNumber(value: number): Decimal {
    if (!Number.isFinite(value)) throw new RangeError(`not a finite number: ${value}`);
    return Decimal.parse(String(value));
  }

  static sum(values: Iterable<Decimal>): Decimal {
    let units = 0n;
    for (const value of values) units += value.units;
    return new Decimal(units);
  }

  /**
   * Π numerators ÷ Π denominators, computed exactly and rounded once. Division by zero is a
   * RangeError.
   */
  static ratio(
    numerators: readonly Decimal[],
    denominators: readonly Decimal[],
    options: RoundingOptions = {},
  ): Decimal {
    const places = checkPlaces(options.places ?? DECIMAL_SCALE);
    // Each operand is units / 10^6, so the quotient is
    //   Π num.units · 10^(6·#den) / (Π den.units · 10^(6·#num)),
    // and the result in units of 10^-places is that times 10^places.
    let numerator = 10n ** BigInt(places + DECIMAL_SCALE * denominators.length);
    let denominator = UNITS_PER_ONE ** BigInt(numerators.length);
    for (const value of numerators) numerator *= value.units;
    for (const value of denominators) denominator *= value.units;
    const rounded = roundQuotient(numerator, denominator, options.rounding ?? 'half_even');
    return new Decimal(rounded * 10n ** BigInt(DECIMAL_SCALE - places));
  }

  plus(other: Decimal): Decimal {
    return new Decimal(this.units + other.units);
  }

  minus(other: Decimal): Decimal {
    return new Decimal(this.units - other.units);
  }

  negated(): Decimal {
    return new Decimal(-this.units);
  }

  abs(): Decimal {
    return this.units < 0n ? this.negated() : this;
  }

  times(other: Decimal, options?: RoundingOptions): Decimal {
    return Decimal.ratio([this, other], [], options);
  }

  dividedBy(divisor: Decimal, options?: RoundingOptions): Decimal {
    return Decimal.ratio([this], [divisor], options);
  }

  /** This value rounded to `places` decimals. */
  round(places: number, rounding: Rounding = 'half_even'): Decimal {
    return Decimal.ratio([this], [], { places, rounding });
  }

  compare(other: Decimal): -1 | 0 | 1 {
    return this.units < other.units ? -1 : this.units > other.units ? 1 : 0;
  }

  equals(other: Decimal): boolean {
    return this.units === other.units;
  }

  isZero(): boolean {
    return this.units === 0n;
  }

  isNegative(): boolean {
    return this.units < 0n;
  }

  /** Shortest text: no trailing zeros, no decimal point for integers ("12.5", "3", "-0.25"). */
  toString(): string {
    const text = this.toFixed(DECIMAL_SCALE);
    return text.includes('.') ? text.replace(/\.?0+$/, '') : text;
  }

  /**
   * Exactly `places` decimals ("12.50"). Never rounds: a value with more decimals than that is a
   * RangeError, so rounding is always an explicit `round()` with a chosen mode.
   */
  toFixed(places: number): string {
    checkPlaces(places);
    const dropped = 10n ** BigInt(DECIMAL_SCALE - places);
    if (this.units % dropped !== 0n)
      throw new RangeError(`${this.toString()} has more than ${places} decimal places: round it first`);
    const magnitude = (this.units < 0n ? -this.units : this.units) / dropped;
    const digits = magnitude.toString().padStart(places + 1, '0');
    const whole = digits.slice(0, digits.length - places);
    const fraction = digits.slice(digits.length - places);
    return `${this.units < 0n ? '-' : ''}${whole}${places > 0 ? `.${fraction}` : ''}`;
  }

  toJSON(): string {
    return this.toString();
  }
}

function checkPlaces(places: number): number {
  if (!Number.isInteger(places) || places < 0 || places > DECIMAL_SCALE) {
    throw new RangeError(`places must be an integer from 0 to ${DECIMAL_SCALE}, got ${places}`);
  }
  return places;
}

/** numerator ÷ denominator rounded to an integer by `rounding`. */
export function roundQuotient(numerator: bigint, denominator: bigint, rounding: Rounding): bigint {
  if (denominator === 0n) throw new RangeError('division by zero');
  if (denominator < 0n) return roundQuotient(-numerator, -denominator, rounding);
  const truncated = numerator / denominator; // bigint division truncates toward zero
  const remainder = numerator % denominator;
  if (remainder === 0n) return truncated;
  const awayFromZero = numerator < 0n ? truncated - 1n : truncated + 1n;
  const twiceRemainder = 2n * (remainder < 0n ? -remainder : remainder);
  if (twiceRemainder > denominator) return awayFromZero;
  if (twiceRemainder < denominator) return truncated;
  if (rounding === 'half_up') return awayFromZero;
  return truncated % 2n === 0n ? truncated : awayFromZero;
}
