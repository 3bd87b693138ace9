import type { ApiErrorBody } from '@presales/contracts';
import { AGGREGATES } from '@presales/domain';
// An ES module only (no require entry): loaded with import() from this CommonJS test file.
import type { JsonSchema } from 'json-schema-faker' with { 'resolution-mode': 'import' };
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFetch, json, postJson, startPlatform, tempDataDir, type PlatformProcess } from './platform-process.js';

/** The same bodies on every run: a drift it finds is found again. */
const SEED = 17;
/** Bodies per command beyond the two with every optional field and with none. */
const MIXED_BODIES = 4;
/** What a body the contract allows may be refused for: the record is unknown, has changed, or a rule of the domain says no. */
const DOMAIN_REFUSALS = new Set([404, 409, 422]);
/**
 * A KPI definition's body carries SQL the platform runs on the analytics store before it records
 * it, which no schema can promise will run: its generated bodies get the SQL of a KPI of the
 * catalog, and a refusal of that SQL alone (it may not fit the generated aggregate) is the
 * domain's, not a drift. Every other field is as generated.
 */
const CARRIES_SQL = 'PublishKpiDefinition';
const SQL_ISSUE = 'definition.sql';

interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly schema: JsonSchema }[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: JsonSchema }> };
}

interface CommandOperation {
  readonly command: string;
  readonly path: string;
  readonly pathParameters: readonly { readonly name: string; readonly schema: JsonSchema }[];
  readonly body: JsonSchema;
}

/**
 * A number under `multipleOf` as the schema means it. The generator multiplies in binary floating
 * point (752611 × 0.01 = 7526.110000000001), which no multiple of 0.01 is; the value it meant
 * is the product rounded to the multipleOf's decimals. Nothing else of a body is touched.
 */
function asMeant(schema: JsonSchema | undefined, value: unknown): unknown {
  // A boolean schema (true: anything, false: nothing) says nothing about decimals.
  if (
    schema === undefined ||
    typeof schema === 'boolean' ||
    value === null ||
    (typeof value !== 'object' && typeof value !== 'number')
  )
    return value;
  if (typeof value === 'number') {
    const step = schema['multipleOf'];
    if (typeof step !== 'number') return value;
    return Number(value.toFixed(String(step).split('.')[1]?.length ?? 0));
  }
  if (Array.isArray(value)) return value.map((item) => asMeant(schema['items'] as JsonSchema | undefined, item));
  const properties = (schema['properties'] ?? {}) as Record<string, JsonSchema>;
  return Object.fromEntries(Object.entries(value).map(([key, item]) => [key, asMeant(properties[key], item)]));
}

/** Every command of the domain whose route the published document lists, with its request schema. */
function commandOperations(paths: Record<string, Record<string, Operation>>): CommandOperation[] {
  const commands = new Set(AGGREGATES.flatMap((aggregate) => Object.keys(aggregate.commands)));
  return Object.entries(paths).flatMap(([path, methods]) =>
    Object.entries(methods)
      .filter(([method, operation]) => method === 'post' && commands.has(operation.operationId))
      .map(([, operation]) => ({
        command: operation.operationId,
        path,
        pathParameters: (operation.parameters ?? [])
          .filter((parameter) => parameter.in === 'path')
          .map(({ name, schema }) => ({ name, schema })),
        body: operation.requestBody!.content['application/json']!.schema,
      })),
  );
}

/**
 * Issue 17: the published contract and the validation agree. For every command route of
 * /api/openapi.json, bodies are generated from the published request schema alone (a maintained
 * generator, seeded) — with every optional field, with none, and mixed — and sent over HTTP as
 * the admin. The domain may refuse one (unknown record, a rule), but never as malformed: a 400
 * means the document promises what the validation refuses, and the failure names the command,
 * the body and the refused fields.
 */
describe('the command contract and the validation agree', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;

  beforeAll(async () => {
    platform = await startPlatform(data.dir);
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it("accepts every body generated from each command's published schema, or refuses it for a reason of the domain", async () => {
    const document = await json<{ paths: Record<string, Record<string, Operation>> }>(
      await fetch(`${platform.url}api/openapi.json`),
    );
    const operations = commandOperations(document.paths);
    const published = new Set(operations.map((operation) => operation.command));
    // Every command of the domain is published with its request schema, ReceiveTender and PublishKpiDefinition included.
    expect(
      AGGREGATES.flatMap((aggregate) => Object.keys(aggregate.commands)).filter((command) => !published.has(command)),
    ).toEqual([]);

    const { createGeneratorSync } = await import('json-schema-faker');
    const variants = [
      createGeneratorSync({ seed: SEED, alwaysFakeOptionals: true }),
      createGeneratorSync({ seed: SEED + 1, optionalsProbability: 0 }),
      createGeneratorSync({ seed: SEED + 2, optionalsProbability: 0.5 }),
    ];
    const drifts: string[] = [];
    const statuses = new Map<number, number>();
    let sent = 0;
    const catalog = await json<{ id: string; sql: string }[]>(await apiFetch(`${platform.url}api/kpis`));
    let kpiOfBody = 0;
    for (const operation of operations) {
      const generated = [
        variants[0]!.generate(operation.body),
        variants[1]!.generate(operation.body),
        ...Array.from({ length: MIXED_BODIES }, () => variants[2]!.generate(operation.body)),
      ];
      const bodies = generated.map((body) => asMeant(operation.body, body));
      for (const generatedBody of bodies) {
        const kpi = catalog[kpiOfBody++ % catalog.length]!;
        const body = operation.command === CARRIES_SQL ? { ...(generatedBody as object), sql: kpi.sql } : generatedBody;
        const path = operation.pathParameters.reduce(
          (filled, parameter) =>
            filled.replace(
              `{${parameter.name}}`,
              encodeURIComponent(
                operation.command === CARRIES_SQL ? kpi.id : String(variants[2]!.generate(parameter.schema)),
              ),
            ),
          operation.path,
        );
        const response = await postJson(`${platform.url}${path.slice(1)}`, body);
        sent += 1;
        statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
        if (response.status === 201 || DOMAIN_REFUSALS.has(response.status)) continue;
        const text = await response.text();
        const issues = response.status === 400 ? ((JSON.parse(text) as ApiErrorBody).error.issues ?? []) : [];
        if (operation.command === CARRIES_SQL && issues.length > 0 && issues.every((issue) => issue.path === SQL_ISSUE))
          continue;
        const refused = issues.map((issue) => `${issue.path} = ${JSON.stringify(issue.value)}: ${issue.rule}`);
        drifts.push(
          `${operation.command} POST ${path} ${JSON.stringify(body)} → ${response.status}${refused.length > 0 ? ` refused ${refused.join('; ')}` : ` ${text.slice(0, 300)}`}`,
        );
      }
    }
    console.log(
      `[command contract] ${sent} bodies for ${operations.length} commands, answers by status: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}`,
    );
    expect(drifts).toEqual([]);
    // The generated bodies reached the recording, not only the checks before it.
    expect(statuses.get(201) ?? 0).toBeGreaterThan(operations.length / 2);
  }, 600_000);
});
