import { describe, expect, it } from 'vitest';
import { balancedGroups } from './balanced-groups.js';

describe('balancedGroups', () => {
  it('puts every item in exactly one group, in its original order within the group', () => {
    const groups = balancedGroups([5, 1, 9, 3, 3, 7, 2], 3);
    expect(groups.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6]);
    for (const group of groups) expect(group).toEqual([...group].sort((a, b) => a - b));
  });

  it('balances the total cost: largest first onto the lightest group', () => {
    const costs = [6, 5, 4, 3, 2, 2];
    const totals = balancedGroups(costs, 2).map((group) => group.reduce((sum, i) => sum + costs[i]!, 0));
    expect(totals.sort()).toEqual([11, 11]);
  });

  it('makes no empty group when there are fewer items than groups', () => {
    expect(balancedGroups([1, 2], 4)).toEqual([[1], [0]]);
    expect(balancedGroups([], 4)).toEqual([]);
  });

  it('rejects a group count that is not a positive integer', () => {
    expect(() => balancedGroups([1], 0)).toThrow(/group count must be a positive integer, got 0/);
    expect(() => balancedGroups([1], 1.5)).toThrow(RangeError);
  });
});
