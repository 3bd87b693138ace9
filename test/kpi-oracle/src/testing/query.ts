import type { OracleQuery } from '../oracle.js';

/** The rates the unit tests compute by hand with (CNY reporting; USD 7.10, EUR 7.70). */
export const TEST_FX: OracleQuery['fx'] = { reportingCurrency: 'CNY', rates: { CNY: '1', USD: '7.10', EUR: '7.70' } };

/** Far after every scenario: everything recorded exists. */
export const LATE_AS_OF = '2030-01-01T00:00:00Z';

/** An OracleQuery with test defaults: org scope, LATE_AS_OF, TEST_FX. */
export function oracleQuery(period: string, options: Partial<Omit<OracleQuery, 'period'>> = {}): OracleQuery {
  return {
    period,
    scope: options.scope ?? { kind: 'org' },
    asOf: options.asOf ?? LATE_AS_OF,
    fx: options.fx ?? TEST_FX,
    ...(options.parameters === undefined ? {} : { parameters: options.parameters }),
  };
}
