import { Inject, Injectable, NotFoundException } from '@nestjs/common';
import { formatScope, sqlValue, type AnalyticsStore, type KpiScope } from '@presales/analytics';
import { ANALYTICS_STORE } from '../infrastructure/tokens.js';

/**
 * A KPI scope names a team, consultant or product line on the record. One that names nothing
 * (a typo) is refused: every value of it would be "no data", as for a team that did nothing.
 */
@Injectable()
export class KnownScopes {
  constructor(@Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore) {}

  async assertKnown(scope: KpiScope, asOf: Date): Promise<void> {
    if (scope.kind === 'org') return;
    const recorded = `recorded_at_ms <= ${sqlValue(asOf.getTime())}`;
    const [id, count] = [
      sqlValue(scope.id),
      (table: string, where: string) => `(SELECT count() FROM ${table} WHERE ${where} AND ${recorded})`,
    ];
    const known =
      scope.kind === 'team'
        ? count('team_formed', `entity_id = ${id}`)
        : scope.kind === 'consultant'
          ? count('consultant_onboarded', `entity_id = ${id}`)
          : ['opportunity_registered', 'team_formed', 'consultant_onboarded']
              .map((table) => count(table, `has(product_lines, ${id})`))
              .join(' + ');
    const [row] = await this.analytics.query<{ known: number | string }>(`SELECT toUInt8(${known} > 0) AS known`);
    if (Number(row?.known) !== 1) {
      const what =
        scope.kind === 'product_line'
          ? 'no team, consultant or opportunity has product line'
          : `no ${scope.kind} is recorded with id`;
      throw new NotFoundException(`scope ${formatScope(scope)}: ${what} ${scope.id} as of ${asOf.toISOString()}`);
    }
  }
}
