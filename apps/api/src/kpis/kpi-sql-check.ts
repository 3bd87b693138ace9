import { Inject, Injectable } from '@nestjs/common';
import {
  computeKpi,
  isStatementFault,
  KpiComputationError,
  type AnalyticsStore,
  type FxRates,
  type KpiScope,
} from '@presales/analytics';
import { ValidationError } from '@presales/domain';
import { periodContaining, type PublishedKpi } from '@presales/kpi';
import { KPI_STORE, CLOCK, FX_RATES, type Clock } from '../infrastructure/tokens.js';

/** Each kind of scope renders other macros; the ids need not exist for the SQL to run. */
const SCOPES: readonly KpiScope[] = [
  { kind: 'org' },
  { kind: 'team', id: 'sql-check' },
  { kind: 'consultant', id: 'sql-check' },
  { kind: 'product_line', id: 'sql-check' },
];

/**
 * A definition's SQL runs on this store before it is published: once in force, it is computed in
 * every scorecard, trend, maturity assessment and audit snapshot, where one that cannot run has an
 * error for its value. It runs for this month in every kind of scope, against the read models as
 * they are.
 */
@Injectable()
export class KpiSqlCheck {
  constructor(
    @Inject(KPI_STORE) private readonly analytics: AnalyticsStore,
    @Inject(FX_RATES) private readonly fx: FxRates,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  async check(definition: PublishedKpi, where: string): Promise<void> {
    const asOf = this.clock();
    const period = periodContaining(asOf, 'month');
    for (const scope of SCOPES) {
      try {
        await computeKpi(this.analytics, { definition, period, scope, asOf, fx: this.fx });
      } catch (error) {
        // An amount in a currency without a rate is the data's problem, not the SQL's.
        if (error instanceof KpiComputationError) continue;
        // Only what the SQL itself caused, or the gate refused, is the definition's fault (400); the store failing is not.
        if (!isStatementFault(error)) throw error;
        const reason = error instanceof Error ? error.message : String(error);
        throw new ValidationError(where, [
          {
            path: 'definition.sql',
            value: `${definition.id} version ${definition.version}`,
            rule: `must run in a ${scope.kind} scope: ${reason}`,
          },
        ]);
      }
    }
  }
}
