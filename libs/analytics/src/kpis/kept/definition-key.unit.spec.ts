import { KPI_CATALOG } from '@presales/kpi';
import { describe, expect, it } from 'vitest';
import { definitionKey } from './definition-key.js';

const FX = { reportingCurrency: 'CNY', rates: { CNY: '1', USD: '7.1' } };
const winRate = KPI_CATALOG.find((d) => d.id === 'win_rate')!;

describe('definitionKey', () => {
  it('is the same for a definition read back with its keys in another order, or a new target or weight', () => {
    const reordered = Object.fromEntries(Object.entries(winRate).reverse()) as typeof winRate;
    expect(definitionKey(reordered, { rates: { USD: '7.1', CNY: '1' }, reportingCurrency: 'CNY' })).toBe(
      definitionKey(winRate, FX),
    );
    expect(definitionKey({ ...winRate, version: 2, defaultTarget: '0.5', weight: '4' }, FX)).toBe(
      definitionKey(winRate, FX),
    );
  });

  it('differs with the SQL, the aggregate, the parameters, the rates or the KPI', () => {
    const key = definitionKey(winRate, FX);
    for (const other of [
      definitionKey({ ...winRate, sql: `${winRate.sql} AND 1` }, FX),
      definitionKey({ ...winRate, aggregate: 'mean' }, FX),
      definitionKey({ ...winRate, parameters: { x: { y: 1 } } }, FX),
      definitionKey(winRate, { ...FX, rates: { ...FX.rates, USD: '7.2' } }),
      definitionKey({ ...winRate, id: 'hit_rate' }, FX),
    ])
      expect(other).not.toBe(key);
  });
});
