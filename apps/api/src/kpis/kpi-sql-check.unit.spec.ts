import { AnalyticsQueryError, type AnalyticsStore } from '@presales/analytics';
import { ValidationError } from '@presales/domain';
import { KPI_CATALOG } from '@presales/kpi';
import { describe, expect, it } from 'vitest';
import { KpiSqlCheck } from './kpi-sql-check.js';

const failingWith = (error: Error) =>
  ({ capabilities: { concurrentQueries: 1 }, query: () => Promise.reject(error) }) as unknown as AnalyticsStore;
const check = (store: AnalyticsStore, definition = KPI_CATALOG[0]!) =>
  new KpiSqlCheck(
    store,
    { reportingCurrency: 'CNY', rates: {} } as never,
    () => new Date('2027-06-15T00:00:00Z'),
  ).check(definition, 'PublishKpiDefinition x');

describe('KpiSqlCheck', () => {
  it('refuses a definition whose SQL the engine refused by a statement code (400 naming the error)', async () => {
    const error = await check(
      failingWith(
        new AnalyticsQueryError('clickhouse', 'SELECT', 'Unknown identifier outcomee', {
          code: 47,
          type: 'UNKNOWN_IDENTIFIER',
        }),
      ),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/outcomee/);
  });

  it('refuses a definition whose table macro names no table (400 naming the name), before any statement runs', async () => {
    const definition = {
      ...KPI_CATALOG[0]!,
      sql: 'SELECT 1 AS num, 1 AS den FROM {{t:quotes; DROP TABLE quotes}} AS q',
    };
    const error = await check(failingWith(new Error('no statement should run')), definition).catch(
      (caught: unknown) => caught,
    );
    expect(error).toBeInstanceOf(ValidationError);
    expect((error as Error).message).toMatch(/definition\.sql.*"quotes; DROP TABLE quotes" is not a table name/s);
  });

  it("passes the store failing through: an unreachable engine is not the definition's fault", async () => {
    const error = await check(
      failingWith(
        new AnalyticsQueryError('clickhouse', 'SELECT', 'connect ECONNREFUSED', { code: undefined, type: undefined }),
      ),
    ).catch((caught: unknown) => caught);
    expect(error).toBeInstanceOf(AnalyticsQueryError);
  });
});
