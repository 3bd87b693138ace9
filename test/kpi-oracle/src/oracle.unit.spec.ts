import { readFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { MissingExchangeRateError } from './model/fx.js';
import { ORACLE_KPI_IDS, oracleKpi, oracleKpis, UnknownKpiError } from './oracle.js';
import { oracleQuery } from './testing/query.js';
import { Scenario } from './testing/scenario.js';

const KPIS_MD = resolve(__dirname, '../../../docs/kpis.md');
const FX_RATES_JSON = resolve(__dirname, '../../../config/fx-rates.json');

/** The first column of the table under "## The KPIs" in docs/kpis.md. */
function documentedKpiIds(): string[] {
  const text = readFileSync(KPIS_MD, 'utf8');
  const section = text.slice(text.indexOf('## The KPIs'), text.indexOf('\n## ', text.indexOf('## The KPIs') + 1));
  return [...section.matchAll(/^\| ([a-z_]+) \|/gm)].map((match) => match[1]!).filter((id) => id !== 'id');
}

describe('the oracle API', () => {
  it('knows exactly the 28 KPIs of docs/kpis.md, in its order', () => {
    expect(ORACLE_KPI_IDS).toHaveLength(28);
    expect(ORACLE_KPI_IDS).toEqual(documentedKpiIds());
  });

  it('refuses an unknown KPI id', () => {
    expect(() => oracleKpi('nps', [], oracleQuery('2026-03'))).toThrow(UnknownKpiError);
  });

  it('gives null for every KPI without data, except the sum gap_loss_value, which is 0', () => {
    const values = oracleKpis([], oracleQuery('2026-03'));
    expect(Object.keys(values)).toEqual(ORACLE_KPI_IDS);
    for (const id of ORACLE_KPI_IDS) expect(values[id], id).toBe(id === 'gap_loss_value' ? 0 : null);
  });

  it('names a currency missing from the rate table', () => {
    const events = new Scenario()
      .opportunity('O1', '2026-03-01T00:00:00Z')
      .won('O1', '10 GBP', '2026-03-02T00:00:00Z').events;
    expect(() => oracleKpi('win_rate_value', events, oracleQuery('2026-03'))).toThrow(MissingExchangeRateError);
    expect(() => oracleKpi('win_rate_value', events, oracleQuery('2026-03'))).toThrow(/GBP/);
    // win_rate reads no amount: the missing rate does not matter to it.
    expect(oracleKpi('win_rate', events, oracleQuery('2026-03'))).toBe(1);
  });

  it('converts with the rate table of config/fx-rates.json', () => {
    const fx = JSON.parse(readFileSync(FX_RATES_JSON, 'utf8')) as {
      reportingCurrency: string;
      rates: Record<string, string>;
    };
    const events = new Scenario()
      .opportunity('O1', '2026-03-01T00:00:00Z')
      .won('O1', '100 GBP', '2026-03-02T00:00:00Z')
      .opportunity('O2', '2026-03-01T00:00:00Z', { value: '1000 JPY' })
      .lost('O2', '2026-03-03T00:00:00Z').events;
    const rate = (currency: string) => Number(fx.rates[currency]);
    // 100 GBP won ÷ (100 GBP + 1000 JPY lost), in the file's reporting currency.
    expect(oracleKpi('win_rate_value', events, oracleQuery('2026-03', { fx }))).toBeCloseTo(
      (100 * rate('GBP')) / (100 * rate('GBP') + 1000 * rate('JPY')),
      12,
    );
  });

  it('folds a given events array once per asOf and answers the same', () => {
    const scenario = new Scenario()
      .opportunity('O1', '2026-03-01T00:00:00Z')
      .won('O1', '10 CNY', '2026-03-02T00:00:00Z');
    const events = scenario.events;
    expect(oracleKpi('win_rate', events, oracleQuery('2026-03'))).toBe(1);
    expect(oracleKpi('win_rate', events, oracleQuery('2026-03', { asOf: '2026-03-01T12:00:00Z' }))).toBeNull();
    expect(oracleKpi('win_rate', events, oracleQuery('2026-03'))).toBe(1);
    // A new array after an append is a new model.
    scenario.opportunity('O2', '2026-03-01T00:00:00Z').lost('O2', '2026-03-05T00:00:00Z');
    expect(oracleKpi('win_rate', scenario.events, oracleQuery('2026-03'))).toBe(0.5);
  });

  it('reads the events in position order, whatever the array order', () => {
    const events = new Scenario()
      .opportunity('O1', '2026-03-01T00:00:00Z')
      .won('O1', '10 CNY', '2026-03-02T00:00:00Z')
      .opportunity('O2', '2026-03-01T00:00:00Z')
      .lost('O2', '2026-03-05T00:00:00Z').events;
    expect(oracleKpi('win_rate', [...events].reverse(), oracleQuery('2026-03'))).toBe(0.5);
  });
});
