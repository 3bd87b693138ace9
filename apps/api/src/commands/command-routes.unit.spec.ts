import { AGGREGATES } from '@presales/domain';
import { describe, expect, it } from 'vitest';
import { COMMAND_ROUTES, COMMANDS_WITH_OWN_ROUTES } from './command-routes.js';

describe('the command route table', () => {
  it('gives every command of the domain exactly one route', () => {
    const domain = AGGREGATES.flatMap((aggregate) => Object.keys(aggregate.commands)).sort();
    const routed = [...COMMAND_ROUTES.map((route) => route.command), ...COMMANDS_WITH_OWN_ROUTES].sort();
    expect(routed).toEqual(domain);
    expect(domain).toHaveLength(57);
  });

  it('files each command under the aggregate whose schema has it', () => {
    for (const route of COMMAND_ROUTES) {
      const aggregate = AGGREGATES.find((candidate) => candidate.category === route.category)!;
      expect(Object.keys(aggregate.commands), route.command).toContain(route.command);
    }
  });

  it('has one creating route per aggregate at most, and no path twice', () => {
    const paths = COMMAND_ROUTES.map((route) => `${route.resource}/${route.action ?? ''}`);
    expect(new Set(paths).size).toBe(paths.length);
  });
});
