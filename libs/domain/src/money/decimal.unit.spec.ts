import { describe, expect, it } from 'vitest';
import { Decimal, roundQuotient } from './decimal.js';

const d = (text: string) => Decimal.parse(text);

describe('Decimal.parse and formatting', () => {
  it.each([
    ['0', '0'],
    ['12', '12'],
    ['12.50', '12.5'],
    ['-0.25', '-0.25'],
    ['0.000001', '0.000001'],
    ['-0', '0'],
    ['007.10', '7.1'],
    ['123456789012345678901234.5', '123456789012345678901234.5'],
  ])('reads %s as %s', (text, shown) => {
    expect(d(text).toString()).toBe(shown);
  });

  it.each(['', '.5', '1.', '1e3', '+1', '1,5', ' 1', 'NaN', '--1', '0x10'])('rejects %j', (text) => {
    expect(() => d(text)).toThrow(RangeError);
    expect(Decimal.isValid(text)).toBe(false);
  });

  it('rejects more than 6 decimals instead of silently rounding', () => {
    expect(() => d('0.0000001')).toThrow('"0.0000001" has more than 6 decimal places');
    expect(Decimal.isValid('0.0000001')).toBe(false);
    expect(Decimal.isValid('0.000001')).toBe(true);
  });

  it('formats to a fixed number of places without rounding', () => {
    expect(d('12.5').toFixed(2)).toBe('12.50');
    expect(d('-0.05').toFixed(2)).toBe('-0.05');
    expect(d('3').toFixed(0)).toBe('3');
    expect(d('-3').toFixed(0)).toBe('-3');
    expect(d('0.5').toFixed(6)).toBe('0.500000');
    expect(() => d('12.345').toFixed(2)).toThrow('12.345 has more than 2 decimal places: round it first');
    expect(() => d('1').toFixed(7)).toThrow('places must be an integer from 0 to 6, got 7');
    expect(() => d('1').toFixed(-1)).toThrow(RangeError);
    expect(() => d('1').toFixed(1.5)).toThrow(RangeError);
  });

  it('serialises to JSON as its decimal text', () => {
    expect(JSON.stringify({ amount: d('10.10') })).toBe('{"amount":"10.1"}');
  });

  it('builds from integers and from JSON numbers through their shortest text', () => {
    expect(Decimal.fromInteger(42).toString()).toBe('42');
    expect(Decimal.fromInteger(-7n).toString()).toBe('-7');
    expect(() => Decimal.fromInteger(1.5)).toThrow('not a safe integer: 1.5');
    expect(Decimal.fromNumber(0.1).plus(Decimal.fromNumber(0.2)).toString()).toBe('0.3');
    expect(Decimal.fromNumber(37.5).toString()).toBe('37.5');
    expect(() => Decimal.fromNumber(Number.NaN)).toThrow('not a finite number: NaN');
    expect(() => Decimal.fromNumber(Infinity)).toThrow(RangeError);
    expect(() => Decimal.fromNumber(1e-7)).toThrow(RangeError);
  });
});

describe('exact arithmetic', () => {
  it('adds and subtracts without binary floating point error', () => {
    expect(d('0.1').plus(d('0.2')).toString()).toBe('0.3');
    expect(d('1').minus(d('0.9')).toString()).toBe('0.1');
    expect(Decimal.sum([d('0.1'), d('0.1'), d('0.1')]).toString()).toBe('0.3');
    expect(Decimal.sum([]).toString()).toBe('0');
  });

  it('negates, takes absolute values, compares', () => {
    expect(d('2.5').negated().toString()).toBe('-2.5');
    expect(d('-2.5').abs().toString()).toBe('2.5');
    expect(d('2.5').abs().toString()).toBe('2.5');
    expect(d('1.5').compare(d('1.50'))).toBe(0);
    expect(d('1.4').compare(d('1.5'))).toBe(-1);
    expect(d('-1').compare(d('-2'))).toBe(1);
    expect(d('1.50').equals(d('1.5'))).toBe(true);
    expect(d('0.000').isZero()).toBe(true);
    expect(d('-0.000001').isNegative()).toBe(true);
    expect(Decimal.ZERO.isNegative()).toBe(false);
  });

  it('multiplies exactly when the product fits in 6 decimals', () => {
    expect(d('1.1').times(d('1.1')).toString()).toBe('1.21');
    expect(d('-0.5').times(d('3')).toString()).toBe('-1.5');
    expect(d('123456789.123').times(d('1000')).toString()).toBe('123456789123');
  });

  it('divides and rounds once to the requested places', () => {
    expect(d('1').dividedBy(d('3')).toString()).toBe('0.333333');
    expect(d('2').dividedBy(d('3')).toString()).toBe('0.666667');
    expect(d('2').dividedBy(d('3'), { places: 2 }).toString()).toBe('0.67');
    expect(d('10').dividedBy(d('-4')).toString()).toBe('-2.5');
    expect(() => d('1').dividedBy(Decimal.ZERO)).toThrow('division by zero');
  });
});

describe('rounding', () => {
  it.each([
    // value, places, half_even, half_up
    ['2.5', 0, '2', '3'],
    ['3.5', 0, '4', '4'],
    ['-2.5', 0, '-2', '-3'],
    ['-3.5', 0, '-4', '-4'],
    ['2.4999', 0, '2', '2'],
    ['2.5001', 0, '3', '3'],
    ['-2.5001', 0, '-3', '-3'],
    ['0.125', 2, '0.12', '0.13'],
    ['0.135', 2, '0.14', '0.14'],
    ['1.005', 2, '1', '1.01'],
    ['-0.005', 2, '0', '-0.01'],
    ['7', 2, '7', '7'],
    ['0.000015', 5, '0.00002', '0.00002'],
    ['0.000025', 5, '0.00002', '0.00003'],
  ])('%s to %i places: half_even %s, half_up %s', (value, places, halfEven, halfUp) => {
    expect(d(value).round(places, 'half_even').toString()).toBe(halfEven);
    expect(d(value).round(places, 'half_up').toString()).toBe(halfUp);
  });

  it('defaults to half_even', () => {
    expect(d('0.125').round(2).toString()).toBe('0.12');
    expect(d('0.375').round(2).toString()).toBe('0.38');
  });

  it('rounds a product at the sixth decimal by the chosen mode', () => {
    // 0.001 × 0.0005 = 0.0000005 exactly: a tie at the 7th decimal.
    expect(d('0.001').times(d('0.0005')).toString()).toBe('0');
    expect(d('0.001').times(d('0.0005'), { rounding: 'half_up' }).toString()).toBe('0.000001');
    expect(d('0.003').times(d('0.0005')).toString()).toBe('0.000002');
  });

  it('rejects places outside 0..6', () => {
    expect(() => d('1').round(7)).toThrow('places must be an integer from 0 to 6, got 7');
  });
});

describe('Decimal.ratio', () => {
  it('rounds a chain once, where step-by-step rounding would be off by a cent', () => {
    // 0.0049995 × 1 rounds (half_even at 6 places) to 0.005, which then rounds half_up to 0.01;
    // the exact value 0.0049995 rounds to 0.00.
    const quantity = d('0.009999');
    const price = d('0.5');
    const stepwise = quantity.times(price).round(2, 'half_up');
    const once = Decimal.ratio([quantity, price], [], { places: 2, rounding: 'half_up' });
    expect(stepwise.toString()).toBe('0.01');
    expect(once.toString()).toBe('0');
  });

  it('evaluates quantity × price × (100 − discount) ÷ 100', () => {
    const net = Decimal.ratio([d('3'), d('19.99'), Decimal.HUNDRED.minus(d('12.5'))], [Decimal.HUNDRED], {
      places: 2,
      rounding: 'half_up',
    });
    // 3 × 19.99 = 59.97; × 0.875 = 52.47375 → 52.47
    expect(net.toString()).toBe('52.47');
  });

  it('handles empty products as 1 and several denominators', () => {
    expect(Decimal.ratio([], []).toString()).toBe('1');
    expect(Decimal.ratio([d('1')], [d('2'), d('4')]).toString()).toBe('0.125');
    expect(Decimal.ratio([d('-1')], [d('-8')]).toString()).toBe('0.125');
    expect(() => Decimal.ratio([d('1')], [d('2'), Decimal.ZERO])).toThrow('division by zero');
  });
});

describe('roundQuotient', () => {
  it('rounds integer quotients of either sign by each mode', () => {
    expect(roundQuotient(7n, 2n, 'half_even')).toBe(4n);
    expect(roundQuotient(5n, 2n, 'half_even')).toBe(2n);
    expect(roundQuotient(5n, 2n, 'half_up')).toBe(3n);
    expect(roundQuotient(-5n, 2n, 'half_up')).toBe(-3n);
    expect(roundQuotient(5n, -2n, 'half_even')).toBe(-2n);
    expect(roundQuotient(-7n, 3n, 'half_even')).toBe(-2n);
    expect(roundQuotient(-8n, 3n, 'half_even')).toBe(-3n);
    expect(roundQuotient(9n, 3n, 'half_up')).toBe(3n);
    expect(() => roundQuotient(1n, 0n, 'half_up')).toThrow('division by zero');
  });
});
