import type { ApiErrorBody, CommandAcceptedResponse } from '@presales/contracts';
import { AGGREGATES } from '@presales/domain';
import fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  bearerFor,
  headPosition,
  json,
  postJson,
  startPlatform,
  tempDataDir,
  type PlatformProcess,
} from './platform-process.js';

/** How many generated requests: issue 17 asks for at least 10,000. */
const REQUESTS = 10_000;
/** Requests in flight at once: enough to overlap, few enough not to starve the other suites' cores. */
const IN_FLIGHT = 12;
const TEN_MB = 10 * 1024 * 1024;

interface Operation {
  readonly path: string;
  readonly properties: readonly string[];
}

const registration = {
  name: 'Grid ERP',
  customer: 'State Grid',
  industry: 'utilities',
  region: 'East',
  productLines: ['erp'],
  projectType: 'project',
  estimatedValue: { amount: '1200000', currency: 'CNY' },
  salesOwnerId: 'sam',
};
/** Valid opportunities, some with one field replaced: requests that reach the recording. */
const validRegistration = fc
  .stringMatching(/^O-[a-z0-9]{4,12}$/)
  .map((opportunityId) => ({ ...registration, opportunityId }));

type Body =
  | { readonly kind: 'json'; readonly value: unknown }
  | { readonly kind: 'raw'; readonly bytes: Uint8Array<ArrayBuffer> | string };

interface FuzzRequest {
  readonly path: string;
  readonly auth: 'sales' | 'admin' | 'none' | 'unknown token' | 'malformed';
  readonly contentType: string | undefined;
  readonly headers: Record<string, string>;
  readonly body: Body;
}

/** Strings an attacker or a careless client sends. */
const nasty = fc.oneof(
  { weight: 10, arbitrary: fc.string() },
  { weight: 5, arbitrary: fc.string({ unit: 'grapheme', maxLength: 50 }) },
  {
    weight: 5,
    arbitrary: fc.constantFrom(
      "'; DROP TABLE events; --",
      '<script>alert(1)</script>',
      '{{7*7}}',
      '${process.env}',
      '../../etc/passwd',
      '\u0000',
      '\uD800',
      'a\uDC00b',
      '\u202Eevil',
      'O-fz',
      ' ',
      '1e309',
      '-0',
      'NaN',
    ),
  },
  // Huge strings, rarely: 10,000 requests of them would be gigabytes to generate.
  { weight: 1, arbitrary: fc.integer({ min: 1000, max: 200_000 }).map((length) => 'x'.repeat(length)) },
);
const anyValue: fc.Arbitrary<unknown> = fc.oneof(
  nasty,
  fc.double(),
  fc.integer(),
  fc.boolean(),
  fc.constant(null),
  fc.array(nasty, { maxLength: 5 }),
  fc.dictionary(nasty, nasty, { maxKeys: 5 }),
);
const pathId = fc.oneof(
  fc.constant('O-fz'),
  fc.constant('T-fz'),
  fc.stringMatching(/^[A-Za-z0-9_-]{1,64}$/),
  nasty.map((text) => percentEncoded(text).slice(0, 2000)),
  fc.constantFrom('%00', '%ZZ', '..%2F..', '%F0%9F', 'a%2Fb'),
);

function bodyFor(operation: Operation): fc.Arbitrary<Body> {
  const properties = operation.properties;
  const fields =
    properties.length === 0
      ? fc.constant<Record<string, unknown>>({})
      : fc.dictionary(fc.constantFrom(...properties), anyValue, { maxKeys: properties.length });
  const valid = operation.path === '/api/opportunities' ? validRegistration : fields;
  const nearlyValid = fc
    .tuple(valid, fc.dictionary(fc.constantFrom(...properties, 'opportunityId'), anyValue, { maxKeys: 1 }))
    .map(([body, replaced]) => ({ ...body, ...replaced }));
  const deep = fc.integer({ min: 20, max: 20_000 }).map((depth) => `${'['.repeat(depth)}${']'.repeat(depth)}`);
  const invalidUtf8 = fc
    .uint8Array({ minLength: 1, maxLength: 64 })
    .map((bytes) => new Uint8Array([0x7b, 0x22, 0x61, 0x22, 0x3a, 0x22, 0xff, 0xfe, ...bytes, 0x22, 0x7d]));
  return fc.oneof(
    { weight: 3, arbitrary: fields.map((value): Body => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: valid.map((value): Body => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: nearlyValid.map((value): Body => ({ kind: 'json', value })) },
    { weight: 2, arbitrary: anyValue.map((value): Body => ({ kind: 'json', value })) },
    { weight: 1, arbitrary: deep.map((bytes): Body => ({ kind: 'raw', bytes })) },
    { weight: 1, arbitrary: invalidUtf8.map((bytes): Body => ({ kind: 'raw', bytes })) },
    { weight: 1, arbitrary: fc.string({ maxLength: 200 }).map((bytes): Body => ({ kind: 'raw', bytes })) },
  );
}

function requestFor(operations: readonly Operation[]): fc.Arbitrary<FuzzRequest> {
  return fc.constantFrom(...operations).chain((operation) =>
    fc.record({
      path: pathId.map((id) => operation.path.replace(/\{[A-Za-z]+\}/g, id)),
      auth: fc.constantFrom('sales', 'sales', 'sales', 'admin', 'admin', 'none', 'unknown token', 'malformed'),
      contentType: fc.oneof(
        { weight: 8, arbitrary: fc.constant('application/json') },
        {
          weight: 1,
          arbitrary: fc.constantFrom(
            'text/plain',
            'application/json; charset=latin1',
            'application/x-www-form-urlencoded',
            'multipart/form-data',
          ),
        },
        { weight: 1, arbitrary: fc.constant(undefined) },
      ),
      headers: fc.oneof(
        { weight: 8, arbitrary: fc.constant({}) },
        {
          weight: 1,
          arbitrary: fc.record({
            'if-match': fc.oneof(fc.constant('"0"'), fc.string({ maxLength: 30 }).filter(isHeaderSafe)),
          }),
        },
        { weight: 1, arbitrary: fc.record({ 'idempotency-key': fc.string({ maxLength: 300 }).filter(isHeaderSafe) }) },
        {
          weight: 1,
          arbitrary: fc.record({ 'content-encoding': fc.constantFrom('gzip', 'br', 'deflate', 'identity, gzip') }),
        },
      ),
      body: bodyFor(operation),
    }),
  );
}

/** Every byte of the text's UTF-8 as %XX (encodeURIComponent throws on a lone surrogate). */
function percentEncoded(text: string): string {
  return [...Buffer.from(text, 'utf8')].map((byte) => `%${byte.toString(16).padStart(2, '0')}`).join('');
}

function isHeaderSafe(text: string): boolean {
  return /^[\x20-\x7e]*$/.test(text);
}

/**
 * Issue 17's fuzz: 10,000 generated requests against every command route of the published
 * contract, over HTTP with real tokens, missing ones and forged ones. Every answer is a 2xx or a
 * 4xx that says what is wrong (a code and a message, never a stack), never a 5xx, and the store
 * holds exactly the events of the requests it accepted.
 */
describe('the command API under 10,000 generated requests', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  const auth: Record<FuzzRequest['auth'], Record<string, string>> = {
    sales: {},
    admin: {},
    none: {},
    'unknown token': { authorization: `Bearer psl_${'A'.repeat(43)}` },
    malformed: { authorization: 'Bearer \u00ff' },
  };

  beforeAll(async () => {
    platform = await startPlatform(data.dir);
    auth.sales = await bearerFor(platform.url, 'sales', 'sam');
    auth.admin = { authorization: `Bearer ${platform.adminToken}` };
    const registered = await postJson(
      `${platform.url}api/opportunities`,
      {
        opportunityId: 'O-fz',
        name: 'Fuzzed',
        customer: 'Acme',
        industry: 'utilities',
        region: 'East',
        productLines: ['erp'],
        projectType: 'project',
        estimatedValue: { amount: '1000', currency: 'CNY' },
        salesOwnerId: 'sam',
        occurredAt: '2026-01-02T00:00:00Z',
      },
      auth.sales,
    );
    expect(registered.status).toBe(201);
  }, 120_000);
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('answers every one with a 2xx or a clear 4xx, never a 5xx, and records nothing for a 4xx', async () => {
    const document = await json<{
      paths: Record<
        string,
        Record<
          string,
          {
            operationId: string;
            requestBody?: { content: Record<string, { schema: { properties?: Record<string, unknown> } }> };
          }
        >
      >;
    }>(await fetch(`${platform.url}api/openapi.json`));
    // The command routes: the published document also lists other bodies (tokens, sign-in, SQL),
    // whose refusals are recorded on purpose (a failed sign-in is a security event).
    const commands = new Set(AGGREGATES.flatMap((aggregate) => Object.keys(aggregate.commands)));
    const operations: Operation[] = Object.entries(document.paths).flatMap(([path, methods]) =>
      Object.values(methods)
        .filter((operation) => operation.requestBody !== undefined && commands.has(operation.operationId))
        .map((operation) => ({
          path,
          properties: Object.keys(operation.requestBody!.content['application/json']!.schema.properties ?? {}),
        })),
    );
    expect(operations.length).toBeGreaterThanOrEqual(55);
    const before = await headPosition(platform.url);
    const generating = performance.now();
    const requests = fc.sample(requestFor(operations), { numRuns: REQUESTS, seed: 17 });
    console.log(`[command fuzz] ${REQUESTS} requests generated in ${Math.round(performance.now() - generating)} ms`);
    // A few 10 MB bodies, beyond the generated ones: each must be refused with 413 before it is read whole.
    for (let index = 0; index < 5; index += 1)
      requests[index * 1999] = {
        ...requests[index * 1999]!,
        auth: 'sales',
        body: { kind: 'raw', bytes: `{"a":"${'x'.repeat(TEN_MB)}"}` },
      };

    const statuses = new Map<number, number>();
    const failures: string[] = [];
    let appended = 0;
    let next = 0;
    const send = async (request: FuzzRequest) => {
      const headers: Record<string, string> = { ...auth[request.auth], ...request.headers };
      if (request.contentType !== undefined) headers['content-type'] = request.contentType;
      const body = request.body.kind === 'json' ? JSON.stringify(request.body.value) : request.body.bytes;
      let response: Response;
      try {
        response = await fetch(`${platform.url}${request.path.replace(/^\//, '')}`, { method: 'POST', headers, body });
      } catch (error) {
        // A 10 MB body: the server answers 413 after the first megabyte and closes the connection,
        // which the client may see before the answer. Anything else must be answered.
        if (body.length >= TEN_MB) statuses.set(413, (statuses.get(413) ?? 0) + 1);
        else failures.push(`${request.path}: no answer (${String(error)})`);
        return;
      }
      const text = await response.text();
      statuses.set(response.status, (statuses.get(response.status) ?? 0) + 1);
      const where = `${request.auth} POST ${request.path.slice(0, 120)} ${JSON.stringify(request.body).slice(0, 200)} → ${response.status} ${text.slice(0, 300)}`;
      if (response.status >= 500) return void failures.push(where);
      if (response.status >= 200 && response.status < 300) {
        // The generic command answer lists its events; the two routes of their own (recording a
        // tender, publishing a KPI version) answer one event's position.
        const accepted = JSON.parse(text) as Partial<CommandAcceptedResponse>;
        if (response.headers.get('idempotent-replayed') !== 'true') appended += accepted.eventIds?.length ?? 1;
        return;
      }
      let error: ApiErrorBody['error'] | undefined;
      try {
        error = (JSON.parse(text) as ApiErrorBody).error;
      } catch {
        return void failures.push(`${where}: not JSON`);
      }
      if (typeof error?.code !== 'string' || typeof error.message !== 'string' || error.message.length === 0)
        failures.push(`${where}: no code and message`);
      if (/\n\s+at |node_modules|\.ts:\d+/.test(text)) failures.push(`${where}: a stack trace`);
    };
    await Promise.all(
      Array.from({ length: IN_FLIGHT }, async () => {
        while (next < requests.length) await send(requests[next++]!);
      }),
    );

    if (failures.length > 0) console.log(`[command fuzz] the server's log:\n${platform.output().slice(-6000)}`);
    expect(failures.slice(0, 10)).toEqual([]);
    expect([...statuses.values()].reduce((sum, count) => sum + count, 0)).toBe(REQUESTS);
    // The fuzz reached the validation, the access checks and the recording, not only one of them.
    for (const status of [201, 400, 401, 403, 404, 413])
      expect(statuses.get(status) ?? 0, `answers ${status}: ${JSON.stringify([...statuses])}`).toBeGreaterThan(0);
    expect(await headPosition(platform.url)).toBe(before + appended);
    console.log(
      `[command fuzz] ${REQUESTS} requests, answers by status: ${JSON.stringify(Object.fromEntries([...statuses].sort(([a], [b]) => a - b)))}, ${appended} events appended by the accepted ones`,
    );
  }, 1_800_000);
});
