import { readFileSync } from 'node:fs';
import { dirname, join, relative } from 'node:path';
import { describe, expect, it } from 'vitest';
import * as arithmetic from './quote-arithmetic.js';
import { quoteTotals } from './quote/quote.totals.js';

const SOURCE = __dirname;

/** The files a module loads at run time: `import type` and `export type` leave nothing behind. */
function runtimeGraph(entry: string, seen = new Set<string>()): Set<string> {
  if (seen.has(entry)) return seen;
  seen.add(entry);
  const text = readFileSync(join(SOURCE, entry), 'utf8');
  for (const match of text.matchAll(/^(?:import|export)\s+(?!type\b)[^;]*?from\s+'([^']+)';/gms)) {
    const target = match[1]!;
    if (!target.startsWith('.')) {
      seen.add(target);
      continue;
    }
    runtimeGraph(relative(SOURCE, join(SOURCE, dirname(entry), target.replace(/\.js$/, '.ts'))), seen);
  }
  return seen;
}

describe('@presales/domain/quote-arithmetic, the entry the dashboard may import', () => {
  it('loads only the decimal, money and quote-totals files: no Node module, no zod, no decider', () => {
    expect([...runtimeGraph('quote-arithmetic.ts')].sort()).toEqual([
      'money/currencies.ts',
      'money/decimal.ts',
      'money/money.ts',
      'quote-arithmetic.ts',
      'quote/quote.totals.ts',
      'shared/errors.ts',
    ]);
  });

  it('is the function the decider derives marginPct with, not a copy of it', () => {
    expect(arithmetic.quoteTotals).toBe(quoteTotals);
    const lines = [
      {
        lineId: 'l1',
        productLine: 'erp',
        sku: 'ERP-CORE',
        description: 'Core licence',
        quantity: '3',
        unitPrice: '1000.005',
        unitCost: '600',
        discountPct: '12.5',
      },
    ];
    expect(arithmetic.quoteTotals(lines, 'CNY')).toMatchObject({ total: { amount: '2625.01' }, marginPct: '31.43' });
  });
});
