import { resolve } from 'node:path';
import { ESLint } from 'eslint';
import { beforeAll, describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..', '..');

/**
 * Each arrow DESIGN.md forbids, written as an import in a file of the importing project and linted
 * with the repository's own configuration: it must fail, naming the rule. The allowed arrows
 * beside them show the rule is not simply refusing everything.
 */
const FORBIDDEN: readonly (readonly [file: string, from: string, rule: string])[] = [
  ['libs/event-store/src/probe.ts', '@presales/kpi', '@nx/enforce-module-boundaries'],
  ['libs/event-store/src/probe.ts', '@presales/analytics', '@nx/enforce-module-boundaries'],
  ['libs/domain/src/probe.ts', '@presales/event-store', '@nx/enforce-module-boundaries'],
  ['libs/kpi/src/probe.ts', '@presales/analytics', '@nx/enforce-module-boundaries'],
  ['libs/analytics/src/probe.ts', '@presales/demo', '@nx/enforce-module-boundaries'],
  ['libs/analytics/src/probe.ts', '@presales/interchange', '@nx/enforce-module-boundaries'],
  ['libs/analytics/src/probe.ts', '@presales/analytics-chdb', '@nx/enforce-module-boundaries'],
  ['libs/audit/src/probe.ts', '@presales/demo', '@nx/enforce-module-boundaries'],
  ['libs/interchange/src/probe.ts', '@presales/demo', '@nx/enforce-module-boundaries'],
  ['libs/event-store-sqlite/src/probe.ts', '@presales/analytics-chdb', '@nx/enforce-module-boundaries'],
  ['libs/analytics-chdb/src/probe.ts', '@presales/api', '@nx/enforce-module-boundaries'],
  ['libs/analytics-chdb/src/probe.ts', '@presales/platform-config', '@nx/enforce-module-boundaries'],
  ['libs/platform-config/src/probe.ts', '@presales/api', '@nx/enforce-module-boundaries'],
  ['apps/projector/src/probe.ts', '@presales/api', '@nx/enforce-module-boundaries'],
  ['dashboards/web/src/probe.ts', '@presales/analytics', '@nx/enforce-module-boundaries'],
  ['dashboards/web/src/probe.ts', '@presales/domain', '@nx/enforce-module-boundaries'],
  ['dashboards/web/src/probe.ts', '@presales/domain/vocabulary', '@nx/enforce-module-boundaries'],
  ['apps/api/src/probe.ts', '@presales/domain/testing', 'no-restricted-imports'],
  ['apps/cli/src/probe.ts', '@presales/event-store/testing', 'no-restricted-imports'],
  ['libs/analytics/src/kpis/probe.ts', '@presales/analytics/testing', 'no-restricted-imports'],
];

const ALLOWED: readonly (readonly [file: string, from: string])[] = [
  ['libs/event-store/src/probe.ts', '@presales/domain'],
  ['libs/analytics/src/probe.ts', '@presales/kpi'],
  ['libs/kpi/src/probe.ts', '@presales/domain/vocabulary'],
  ['dashboards/web/src/probe.ts', '@presales/kpi'],
  ['dashboards/web/src/probe.ts', '@presales/domain/quote-arithmetic'],
  ['libs/audit/src/probe.ts', '@presales/analytics'],
  ['libs/audit/src/probe.ts', '@presales/interchange'],
  ['libs/demo/src/probe.ts', '@presales/interchange'],
  ['libs/analytics-chdb/src/probe.ts', '@presales/analytics'],
  ['apps/api/src/probe.ts', '@presales/analytics-chdb'],
  ['apps/api/src/probe.ts', '@presales/platform-config'],
  ['apps/projector/src/probe.ts', '@presales/platform-config'],
  ['libs/platform-config/src/probe.ts', '@presales/analytics-clickhouse'],
  ['apps/api/src/probe.spec.ts', '@presales/domain/testing'],
  ['libs/audit/src/testing/probe.ts', '@presales/event-store/testing'],
];

let eslint: ESLint;
beforeAll(() => {
  eslint = new ESLint({ cwd: ROOT });
});

async function rulesBroken(file: string, from: string): Promise<string[]> {
  const [result] = await eslint.lintText(`import * as probe from '${from}';\nexport const used = probe;\n`, {
    filePath: resolve(ROOT, file),
  });
  return result!.messages.map((message) => message.ruleId ?? message.message);
}

describe('module boundaries', () => {
  it.each(FORBIDDEN)('%s may not import %s', async (file, from, rule) => {
    expect(await rulesBroken(file, from)).toContain(rule);
  });

  it.each(ALLOWED)('%s may import %s', async (file, from) => {
    expect(await rulesBroken(file, from)).toEqual([]);
  });
});
