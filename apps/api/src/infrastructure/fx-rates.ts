import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import type { FxRates } from '@presales/analytics';
import { ConfigError } from '@presales/platform-config';

/** config/fx-rates.json at the repository root (the deployable layout), or FX_RATES_FILE. */
export function fxRatesFile(env: NodeJS.ProcessEnv = process.env): string {
  return env['FX_RATES_FILE'] ?? join(__dirname, '..', '..', '..', '..', 'config', 'fx-rates.json');
}

/** Exchange rates are data (KPIS.md): a file, checked at start-up, never constants in code. */
export function loadFxRates(file: string): FxRates {
  let parsed: unknown;
  try {
    parsed = JSON.parse(readFileSync(file, 'utf8'));
  } catch (error) {
    throw new ConfigError('FX_RATES_FILE', file, `cannot read exchange rates: ${(error as Error).message}`);
  }
  const { reportingCurrency, rates } = (parsed ?? {}) as { reportingCurrency?: unknown; rates?: unknown };
  if (typeof reportingCurrency !== 'string' || !/^[A-Z]{3}$/.test(reportingCurrency)) {
    throw new ConfigError('FX_RATES_FILE', file, 'reportingCurrency must be an ISO 4217 code such as CNY');
  }
  if (rates === null || typeof rates !== 'object')
    throw new ConfigError('FX_RATES_FILE', file, 'rates must map currency codes to decimal strings');
  for (const [currency, rate] of Object.entries(rates)) {
    if (!/^[A-Z]{3}$/.test(currency) || typeof rate !== 'string' || !/^\d+(\.\d+)?$/.test(rate) || Number(rate) <= 0) {
      throw new ConfigError(
        'FX_RATES_FILE',
        file,
        `rates.${currency} = ${JSON.stringify(rate)}: must be a positive decimal string`,
      );
    }
  }
  if ((rates as Record<string, string>)[reportingCurrency] !== '1')
    throw new ConfigError('FX_RATES_FILE', file, `rates.${reportingCurrency} must be "1" (the reporting currency)`);
  return { reportingCurrency, rates: rates as Record<string, string> };
}
