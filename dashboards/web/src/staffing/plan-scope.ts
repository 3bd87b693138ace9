/** Which groups the capacity plan asks the API for: a team's, a product line's, or none named. */
export type PlanFilter = { readonly teamId: string } | { readonly productLine: string } | Record<string, never>;

/**
 * The capacity plan follows the view's scope: a team scope plans that team, a product line scope
 * that line across teams. The organisation, or a consultant (who has no plan of their own), plans
 * every team the reader may see: a manager's own teams, everyone's for an administrator. At 10M
 * events the organisation's plan is thousands of groups; a scope keeps it to the ones asked about.
 */
export function planFilterOf(scope: string): PlanFilter {
  const colon = scope.indexOf(':');
  const [kind, id] = colon === -1 ? [scope, ''] : [scope.slice(0, colon), scope.slice(colon + 1)];
  if (id === '') return {};
  if (kind === 'team') return { teamId: id };
  if (kind === 'product_line') return { productLine: id };
  return {};
}
