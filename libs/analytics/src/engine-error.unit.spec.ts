import { KPI_CATALOG, parsePeriod } from '@presales/kpi';
import { describe, expect, it } from 'vitest';
import { analystRefusal } from './analyst/run-analyst-sql.js';
import { AnalyticsQueryError, type AnalyticsStore } from './analytics-store.port.js';
import { engineErrorDetails } from './engine-error.js';
import { computeKpis } from './kpis/compute-kpi.js';
import { TEST_FX } from './testing/kpi.contract.js';

/** What @clickhouse/client throws for a modern server: code and type as fields, the message without them. */
function clientError(code: string, type: string, message: string): Error {
  return Object.assign(new Error(message), { code, type });
}

describe('engine error details', () => {
  it('reads the fields of the ClickHouse client, whose message no longer says "Code: N"', () => {
    expect(
      engineErrorDetails(clientError('164', 'READONLY', 'analyst: Cannot execute query in readonly mode. ')),
    ).toEqual({ code: 164, type: 'READONLY' });
  });

  it('reads ClickHouse 18.16 text, which has no type', () => {
    expect(
      engineErrorDetails(
        new Error(
          "Code: 60, e.displayText() = DB::Exception: Table default.nope doesn't exist., e.what() = DB::Exception",
        ),
      ),
    ).toEqual({ code: 60, type: undefined });
  });

  it('reads chDB text', () => {
    expect(
      engineErrorDetails(
        'Code: 47. DB::Exception: Unknown expression identifier `outcomee` in scope SELECT. (UNKNOWN_IDENTIFIER)',
      ),
    ).toEqual({ code: 47, type: 'UNKNOWN_IDENTIFIER' });
  });

  it('has no code when no engine answered', () => {
    expect(
      engineErrorDetails(Object.assign(new Error('connect ECONNREFUSED 127.0.0.1:8123'), { code: 'ECONNREFUSED' })),
    ).toEqual({ code: undefined, type: undefined });
  });
});

describe('the analyst path maps refusals by code', () => {
  it("explains a modern server's read-only refusal, whose message carries no code", async () => {
    const error = new AnalyticsQueryError(
      'clickhouse',
      'SELECT 1',
      'Cannot execute query in readonly mode. ',
      engineErrorDetails(clientError('164', 'READONLY', 'Cannot execute query in readonly mode. ')),
    );
    expect(analystRefusal(error).message).toMatch(/^refused: analyst SQL is read-only/);
    expect(analystRefusal(error).code).toBe('read_only');
  });

  it('gives each limit the engine stops at a code of its own, and any other refusal engine_refused', () => {
    const stopped = (code: string, type: string) =>
      analystRefusal(
        new AnalyticsQueryError('clickhouse', 'SELECT 1', type, engineErrorDetails(clientError(code, type, type))),
      );
    expect(stopped('159', 'TIMEOUT_EXCEEDED').code).toBe('time_limit');
    expect(stopped('158', 'TOO_MANY_ROWS').code).toBe('rows_limit');
    expect(stopped('396', 'TOO_MANY_ROWS_OR_BYTES').code).toBe('result_limit');
    expect(stopped('241', 'MEMORY_LIMIT_EXCEEDED').code).toBe('memory_limit');
    expect(stopped('999', 'SOMETHING_ELSE').code).toBe('engine_refused');
  });
});

describe('the KPI path maps failures by code', () => {
  const hitRate = KPI_CATALOG.find((definition) => definition.id === 'hit_rate')!;
  const query = (id: string) => ({
    definition: { ...hitRate, id },
    period: parsePeriod('2027-06'),
    scope: { kind: 'org' as const },
    asOf: new Date('2027-07-01T00:00:00Z'),
    fx: TEST_FX,
  });
  /** A store whose combined statement fails, then each KPI alone as scripted. */
  const storeFailing = (alone: (sql: string) => Error | undefined) =>
    ({
      capabilities: { concurrentQueries: 1 },
      query: async (sql: string) => {
        if (sql.includes('UNION ALL')) throw new AnalyticsQueryError('clickhouse', sql, 'failed');
        const failure = alone(sql);
        if (failure !== undefined) throw failure;
        return [{ slot: 0, value: 0.5, units: 2 }];
      },
    }) as unknown as AnalyticsStore;

  it('fails only the line of a KPI whose SQL the engine refused by a statement code', async () => {
    const store = storeFailing((sql) =>
      sql.includes('toUInt32(1)')
        ? new AnalyticsQueryError('clickhouse', sql, 'Unknown identifier', { code: 47, type: 'UNKNOWN_IDENTIFIER' })
        : undefined,
    );
    const actuals = await computeKpis(store, [query('a'), query('b')]);
    expect(actuals.map((actual) => actual.value)).toEqual([0.5, null]);
    expect(actuals[1]!.error).toMatch(/^KPI b: clickhouse: Code: 47 \(UNKNOWN_IDENTIFIER\)\. Unknown identifier/);
  });

  it('fails the request when the store failed for one KPI (no engine code, or a code the SQL did not cause)', async () => {
    const unreachable = storeFailing((sql) =>
      sql.includes('toUInt32(1)')
        ? new AnalyticsQueryError('clickhouse', sql, 'socket hang up', { code: undefined, type: undefined })
        : undefined,
    );
    await expect(computeKpis(unreachable, [query('a'), query('b')])).rejects.toThrow(/socket hang up/);
    const memory = storeFailing((sql) =>
      sql.includes('toUInt32(1)')
        ? new AnalyticsQueryError('clickhouse', sql, 'Memory limit exceeded', {
            code: 241,
            type: 'MEMORY_LIMIT_EXCEEDED',
          })
        : undefined,
    );
    await expect(computeKpis(memory, [query('a'), query('b')])).rejects.toThrow(/Memory limit/);
  });
});
