import { describe, expect, it } from 'vitest';
import { ValidationError } from '../shared/errors.js';
import { isCurrencyCode, minorUnits } from './currencies.js';
import { Decimal } from './decimal.js';
import { amountOf, CurrencyMismatchError, moneyOf, subtractMoney, sumMoney, type Money } from './money.js';

const cny = (amount: string): Money => ({ amount, currency: 'CNY' });

describe('currencies', () => {
  it('knows circulating ISO 4217 codes and their minor units', () => {
    expect(isCurrencyCode('CNY')).toBe(true);
    expect(isCurrencyCode('XAU')).toBe(false);
    expect(isCurrencyCode('cny')).toBe(false);
    expect(isCurrencyCode('toString')).toBe(false);
    expect(minorUnits('CNY')).toBe(2);
    expect(minorUnits('JPY')).toBe(0);
    expect(minorUnits('KWD')).toBe(3);
  });
});

describe('money', () => {
  it('rounds to the currency minor units, half up by default', () => {
    expect(moneyOf(Decimal.parse('10.005'), 'CNY')).toEqual(cny('10.01'));
    expect(moneyOf(Decimal.parse('10.005'), 'CNY', 'half_even')).toEqual(cny('10.00'));
    expect(moneyOf(Decimal.parse('1500.5'), 'JPY')).toEqual({ amount: '1501', currency: 'JPY' });
    expect(moneyOf(Decimal.parse('1.2345'), 'KWD')).toEqual({ amount: '1.235', currency: 'KWD' });
    expect(amountOf(cny('12.50')).toString()).toBe('12.5');
  });

  it('subtracts and sums amounts of one currency exactly', () => {
    expect(subtractMoney(cny('1'), cny('0.9'))).toEqual(cny('0.10'));
    expect(sumMoney([cny('0.1'), cny('0.1'), cny('0.1')], 'CNY')).toEqual(cny('0.30'));
    expect(sumMoney([], 'USD')).toEqual({ amount: '0.00', currency: 'USD' });
  });

  it('refuses to combine different currencies, naming both', () => {
    const usd: Money = { amount: '1', currency: 'USD' };
    expect(() => subtractMoney(cny('1'), usd)).toThrow(CurrencyMismatchError);
    expect(() => subtractMoney(cny('1'), usd)).toThrow(ValidationError);
    expect(() => subtractMoney(cny('1'), usd)).toThrow(
      'subtract money: currency = "USD": must be CNY like the other amount: convert with a rate table first',
    );
    expect(() => subtractMoney(cny('1'), usd)).toThrow(/subtract money: currency = "USD"/);
    expect(() => sumMoney([cny('1'), usd], 'CNY')).toThrow(/sum money: currency = "USD"/);
  });
});
