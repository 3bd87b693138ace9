import { sqlValue } from '../sql/escape.js';

/**
 * Which consultants a staffing read is about: everyone; those onboarded for a product line
 * (`inside`) or not (`outside`), which split everyone in two since a consultant's lines are set at
 * onboarding and never change (DOMAIN.md); or the members of some teams, as a manager's
 * suggestions rank (decision 0052).
 */
export type ConsultantScope =
  | 'everyone'
  | { readonly productLine: string; readonly side: 'inside' | 'outside' }
  | { readonly teamIds: ReadonlySet<string> };

/**
 * The team each consultant was last added to, as `member` and `moved`. The member column is named
 * apart: aliased `entity_id`, it would shadow the team's `entity_id` inside argMax.
 */
export const LAST_TEAM_ADDED = `SELECT consultant_id AS member, argMax(entity_id, position) AS moved FROM team_member_added FINAL GROUP BY consultant_id`;

/** A consultant's team now, over `onboarded` joined with LAST_TEAM_ADDED as `added`: the team last added to, else the onboarding one. */
export const TEAM_NOW = `if(added.moved = '', onboarded.team_id, added.moved)`;

/** Each onboarded consultant with their team now. */
const CONSULTANT_TEAMS = `SELECT onboarded.entity_id AS consultant, ${TEAM_NOW} AS team
FROM (SELECT entity_id, team_id FROM consultant_onboarded FINAL) AS onboarded
ANY LEFT JOIN (${LAST_TEAM_ADDED}) AS added ON onboarded.entity_id = added.member`;

/** A condition on a team id column: whether it is one of `teamIds` (none matches an empty set). */
function teamIn(column: string, teamIds: ReadonlySet<string>): string {
  return teamIds.size === 0 ? '0' : `${column} IN (${[...teamIds].map((id) => sqlValue(id)).join(', ')})`;
}

/** A condition on a column of consultants' teams now for a teams scope, or none. */
export function teamInScope(column: string, scope: ConsultantScope): string {
  return scope !== 'everyone' && 'teamIds' in scope ? teamIn(column, scope.teamIds) : '1';
}

/** A condition on `consultant_onboarded`'s own row for a product line scope, or none. */
export function onboardedRowInScope(scope: ConsultantScope): string {
  if (scope === 'everyone' || !('productLine' in scope)) return '1';
  const covers = `has(product_lines, ${sqlValue(scope.productLine)})`;
  return scope.side === 'inside' ? covers : `NOT ${covers}`;
}

/** A condition on a column of consultant ids: whether the consultant is in the scope. */
export function consultantInScope(column: string, scope: ConsultantScope): string {
  if (scope === 'everyone') return '1';
  if ('teamIds' in scope)
    return `${column} IN (SELECT consultant FROM (${CONSULTANT_TEAMS}) AS teams WHERE ${teamInScope('team', scope)})`;
  const inside = `SELECT entity_id FROM consultant_onboarded FINAL WHERE ${onboardedRowInScope({ ...scope, side: 'inside' })}`;
  return `${column} ${scope.side === 'inside' ? 'IN' : 'NOT IN'} (${inside})`;
}
