/**
 * Splits items into at most `groups` groups of similar total cost, largest first onto the
 * lightest group (LPT scheduling), each group keeping the items' original order. Independent
 * queries sent as one statement per group then finish at about the same time.
 */
export function balancedGroups(costs: readonly number[], groups: number): number[][] {
  if (!Number.isInteger(groups) || groups < 1)
    throw new RangeError(`balancedGroups: the group count must be a positive integer, got ${groups}`);
  const bins = Array.from({ length: Math.min(groups, costs.length) }, () => ({ cost: 0, items: [] as number[] }));
  const byCostDescending = costs
    .map((cost, index) => ({ cost, index }))
    .sort((a, b) => b.cost - a.cost || a.index - b.index);
  for (const item of byCostDescending) {
    const lightest = bins.reduce((min, bin) => (bin.cost < min.cost ? bin : min));
    lightest.cost += item.cost;
    lightest.items.push(item.index);
  }
  return bins.map((bin) => bin.items.sort((a, b) => a - b));
}
