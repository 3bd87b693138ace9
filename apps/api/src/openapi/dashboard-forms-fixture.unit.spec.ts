import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { describe, expect, it } from 'vitest';
import { ID_FIELD } from '../commands/aggregate-ids.js';
import { COMMAND_ROUTES, commandPath } from '../commands/command-routes.js';
import { commandRequestSchema } from './openapi-document.js';

/** The dashboard's form engine is unit-tested on the commands of this document (it may not import the API). */
const FIXTURE = resolve(__dirname, '../../../../dashboards/web/src/forms/openapi-commands.fixture.json');

function publishedCommands(): unknown {
  const paths: Record<string, unknown> = {};
  for (const route of COMMAND_ROUTES) {
    const path = commandPath(route, ID_FIELD[route.category]).replace(/:([A-Za-z]+)/g, '{$1}');
    paths[path] = {
      post: {
        operationId: route.command,
        summary: route.summary,
        'x-roles': [...route.roles],
        requestBody: { content: { 'application/json': { schema: commandRequestSchema(route) } } },
      },
    };
  }
  return { paths };
}

describe('the form engine’s fixture', () => {
  it('is the command part of the published OpenAPI document (UPDATE_FIXTURE=1 rewrites it)', () => {
    const current = `${JSON.stringify(publishedCommands(), null, 1)}\n`;
    if (process.env['UPDATE_FIXTURE'] === '1') writeFileSync(FIXTURE, current);
    expect(
      readFileSync(FIXTURE, 'utf8'),
      "the dashboard's form fixture is stale: UPDATE_FIXTURE=1 npx vitest run src/openapi/dashboard-forms-fixture.unit.spec.ts",
    ).toBe(current);
  });
});
