import { Inject, Injectable } from '@nestjs/common';
import { sqlValue, type AnalyticsStore } from '@presales/analytics';
import { ANALYTICS_STORE } from '../infrastructure/tokens.js';
import type { Principal } from '../auth/principal.js';

/**
 * Whose consultants a caller plans and staffs: a manager the teams they manage (TeamFormed's
 * managerId), an admin, sales and presales every team (the latter only for opportunities they
 * are involved in, checked by OpportunityInvolvement). `undefined` means every team.
 */
@Injectable()
export class ManagedTeams {
  constructor(@Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore) {}

  async of(principal: Principal): Promise<ReadonlySet<string> | undefined> {
    if (principal.role !== 'manager') return undefined;
    const rows = await this.analytics.query<{ id: string }>(
      `SELECT DISTINCT entity_id AS id FROM team_formed FINAL WHERE manager_id = ${sqlValue(principal.id)}`,
    );
    return new Set(rows.map((r) => r.id));
  }
}
