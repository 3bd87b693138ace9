import SwaggerParser from '@apidevtools/swagger-parser';
import { Ajv2020 } from 'ajv/dist/2020.js';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  apiFetch,
  json,
  postJson,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
  type PlatformProcess,
} from './platform-process.js';

type JsonSchema = Record<string, unknown>;

interface Operation {
  readonly operationId: string;
  readonly parameters?: readonly { readonly name: string; readonly in: string; readonly schema: JsonSchema }[];
  readonly requestBody?: { readonly content: Record<string, { readonly schema: JsonSchema }> };
  readonly responses: Record<string, { readonly content?: Record<string, { readonly schema: JsonSchema }> }>;
}

interface Document {
  readonly paths: Record<string, Record<string, Operation>>;
}

/** Routes whose answer is not JSON (a page, a script, a file, a stream, a redirect) or is nothing. */
const NOT_JSON = new Set([
  'OpenApi_docs',
  'OpenApi_init',
  'OpenApi_openapi',
  'Metrics_metrics',
  'Oidc_login',
  'Oidc_callback',
  'Live_checkpoints',
  'Auth_logout',
  'Audit_evidence',
  'Audit_kpis',
  'SavedQueries_remove',
]);

/** The operation of the document whose path template matches `path`. */
function operationAt(document: Document, method: string, path: string): Operation {
  for (const [template, methods] of Object.entries(document.paths)) {
    const pattern = new RegExp(`^${template.replace(/\{[A-Za-z]+\}/g, '[^/]+')}$`);
    if (pattern.test(path) && methods[method] !== undefined) return methods[method]!;
  }
  throw new Error(`the document has no ${method.toUpperCase()} ${path}`);
}

/**
 * Issue 17: the read and query routes are in the published contract with their parameters and
 * answers, generated from the zod schemas the routes validate with and the answers' schemas in
 * libs/contracts. Real answers of a platform with the demo history, over HTTP as the admin, are
 * checked against the published schema of their route with a maintained JSON Schema validator.
 */
describe('the published contract of the read and query routes', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  let document: Document;

  beforeAll(async () => {
    platform = await startPlatform(data.dir, { DEMO_DATA: 'on' });
    // The read routes answer once the demo history is in the read models.
    await untilCaughtUp(platform.url, 240_000);
    document = await json<Document>(await fetch(`${platform.url}api/openapi.json`));
  }, 300_000);
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('publishes a valid document in which every JSON route states its answer, and every validated query its parameters', async () => {
    await SwaggerParser.validate(structuredClone(document) as never);
    const operations = Object.values(document.paths).flatMap((methods) => Object.values(methods));
    const withoutAnswer = operations.filter(
      (operation) =>
        !NOT_JSON.has(operation.operationId) &&
        !Object.entries(operation.responses).some(
          ([status, response]) => status.startsWith('2') && response.content !== undefined,
        ),
    );
    expect(withoutAnswer.map((operation) => operation.operationId)).toEqual([]);
    const queryOf = (method: string, path: string) =>
      (operationAt(document, method, path).parameters ?? [])
        .filter((parameter) => parameter.in === 'query')
        .map((parameter) => parameter.name);
    expect(queryOf('get', '/api/kpis/scorecard')).toEqual(
      expect.arrayContaining(['period', 'scope', 'asOf', 'projectType']),
    );
    expect(queryOf('get', '/api/library/assets')).toEqual(
      expect.arrayContaining(['q', 'productLine', 'kind', 'limit', 'offset']),
    );
    expect(queryOf('get', '/api/audit/search')).toEqual(['q', 'page', 'pageSize']);
    expect(
      operationAt(document, 'get', '/api/maturity/bid').parameters?.find((parameter) => parameter.name === 'area')
        ?.schema,
    ).toMatchObject({ enum: expect.arrayContaining(['bid']) });
    expect(operationAt(document, 'post', '/api/sql').requestBody?.content['application/json']?.schema).toMatchObject({
      properties: { sql: expect.any(Object) },
      required: expect.arrayContaining(['sql']),
    });
  });

  it('answers each read route with what its published schema says', async () => {
    const ajv = new Ajv2020({ strict: false, validateFormats: false, allErrors: true });
    const get = async <T>(path: string) => json<T>(await apiFetch(`${platform.url}${path}`));
    const tender = (await get<{ options: { id: string }[] }>('api/workspace/pickers/tenders')).options[0]!.id;
    const activity = (await get<{ options: { id: string }[] }>('api/workspace/pickers/activities')).options[0]!.id;
    const asset = (await get<{ assets: { assetId: string; productLines: string[] }[] }>('api/library/assets'))
      .assets[0]!;
    const period = (await get<{ points: { period: string }[] }>('api/kpis/tenders-received')).points.at(-1)!.period;
    const reads: readonly (readonly [method: 'get' | 'post', path: string, body?: unknown])[] = [
      ['get', '/api/health'],
      ['get', '/api/auth/me'],
      ['get', '/api/auth/providers'],
      ['get', '/api/tokens'],
      ['get', '/api/users'],
      ['get', '/api/admin/rebuild'],
      ['get', '/api/kpis'],
      ['get', '/api/kpis/catalog-changes'],
      ['get', '/api/kpis/tenders-received'],
      ['get', `/api/kpis/scorecard?period=${period}`],
      ['get', '/api/kpis/win_rate/trend'],
      ['get', `/api/kpis/win_rate/units?period=${period}`],
      ['get', '/api/maturity'],
      ['get', '/api/maturity/bid'],
      ['get', '/api/audit/search?q=T'],
      ['get', `/api/audit/tenders/${tender}/history`],
      ['get', `/api/audit/tenders/${tender}/deadline-proof`],
      ['get', `/api/audit/streams/tender-${tender}/state`],
      ['get', `/api/audit/streams/tender-${tender}/diff?from=0`],
      ['get', `/api/audit/streams/tender-${tender}/verify`],
      ['get', '/api/audit/reads'],
      ['get', '/api/audit/verify'],
      ['get', `/api/tenders/${tender}`],
      ['get', '/api/sql/schema'],
      ['post', '/api/sql', { sql: 'SELECT type, count() AS events FROM events GROUP BY type ORDER BY type' }],
      ['get', '/api/sql/history'],
      ['get', '/api/sql/saved'],
      ['get', '/api/workspace/pickers/opportunities?limit=3'],
      ['get', '/api/workspace/my-work'],
      ['get', '/api/workspace/tender-board'],
      ['get', '/api/workspace/time-sheet?week=2026-03-04'],
      ['get', '/api/library/assets?limit=5'],
      ['get', `/api/library/assets/${asset.assetId}`],
      ['get', `/api/library/suggestions?productLine=${asset.productLines[0]}&title=migration`],
      ['get', '/api/staffing/requests'],
      ['get', '/api/capacity-plan'],
      ['get', `/api/staffing/activities/${activity}/suggestions`],
    ];
    const misfits: string[] = [];
    for (const [method, path, body] of reads) {
      const response =
        method === 'get'
          ? await apiFetch(`${platform.url}${path.slice(1)}`)
          : await postJson(`${platform.url}${path.slice(1)}`, body);
      const operation = operationAt(document, method, path.split('?')[0]!);
      const published = operation.responses[String(response.status)]?.content?.['application/json']?.schema;
      if (published === undefined) {
        misfits.push(
          `${method.toUpperCase()} ${path} → ${response.status}, which the document does not publish: ${(await response.text()).slice(0, 300)}`,
        );
        continue;
      }
      const validate = ajv.compile(published);
      if (!validate(await response.json()))
        misfits.push(
          `${method.toUpperCase()} ${path} (${operation.operationId}): ${ajv.errorsText(validate.errors, { separator: '; ' }).slice(0, 600)}`,
        );
    }
    // The import's body is JSONL, not JSON: one line that is not JSON, so nothing is recorded.
    const imported = await apiFetch(`${platform.url}api/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/x-ndjson' },
      body: 'not json\n',
    });
    const importSchema = operationAt(document, 'post', '/api/import').responses[String(imported.status)]?.content?.[
      'application/json'
    ]?.schema;
    const importAnswer: unknown = await imported.json();
    if (importSchema === undefined)
      misfits.push(`POST /api/import → ${imported.status}, which the document does not publish`);
    else {
      const validate = ajv.compile(importSchema);
      if (!validate(importAnswer))
        misfits.push(`POST /api/import: ${ajv.errorsText(validate.errors, { separator: '; ' })}`);
    }
    expect(importAnswer).toMatchObject({ lines: 1, appended: 0, rejected: 1 });
    expect(misfits).toEqual([]);
  }, 300_000);
});
