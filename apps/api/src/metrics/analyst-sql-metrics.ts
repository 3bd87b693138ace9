import { Injectable } from '@nestjs/common';
import { AnalystSqlRejectedError, SQL_LIMIT_CODES, TooManyAnalystQueriesError } from '@presales/analytics';
import { Counter, Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry.js';

/**
 * How an analyst query ended. `reason` is a closed set of words: the gate's or the engine's
 * refusal code (SQL_REFUSAL_CODES), which limit stopped it, or `none`; never the SQL or a message.
 */
export type AnalystSqlOutcome =
  | { readonly outcome: 'answered' | 'cancelled' | 'failed'; readonly reason: 'none' }
  | { readonly outcome: 'refused' | 'over_limit'; readonly reason: string };

export const ANSWERED: AnalystSqlOutcome = { outcome: 'answered', reason: 'none' };
/** An export whose client left before the last row. */
export const CANCELLED: AnalystSqlOutcome = { outcome: 'cancelled', reason: 'none' };

/** A query's end as a metric outcome: refused by the gate or the engine, over a limit, or failed. */
export function outcomeOfError(error: unknown): AnalystSqlOutcome {
  if (error instanceof AnalystSqlRejectedError)
    return { outcome: SQL_LIMIT_CODES.has(error.code) ? 'over_limit' : 'refused', reason: error.code };
  // Refused at admission: the caller's or the platform's concurrent queries (decision 0024).
  if (error instanceof TooManyAnalystQueriesError)
    return { outcome: 'over_limit', reason: error.limit === 'caller' ? 'concurrent_per_caller' : 'concurrent_total' };
  return { outcome: 'failed', reason: 'none' };
}

/** Analyst SQL (POST /api/sql, answers and exports): how many ended how, and how long they took. */
@Injectable()
export class AnalystSqlMetrics {
  private readonly queries: Counter<'outcome' | 'reason'>;
  private readonly duration: Histogram<'outcome'>;

  constructor({ registry }: MetricsRegistry) {
    this.queries = new Counter({
      name: 'presales_analyst_sql_queries_total',
      help: 'Analyst SQL queries since start, by outcome (answered, refused, over_limit, cancelled, failed) and reason code.',
      labelNames: ['outcome', 'reason'],
      registers: [registry],
    });
    this.duration = new Histogram({
      name: 'presales_analyst_sql_duration_seconds',
      help: 'Time from an analyst query arriving to its answer, refusal or last exported row, by outcome.',
      labelNames: ['outcome'],
      buckets: [0.01, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 60, 120],
      registers: [registry],
    });
  }

  ended({ outcome, reason }: AnalystSqlOutcome, seconds: number): void {
    this.queries.inc({ outcome, reason });
    this.duration.observe({ outcome }, seconds);
  }
}
