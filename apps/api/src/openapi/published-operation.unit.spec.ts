import { EntityId, KpiDefinition, KpiId } from '@presales/domain';
import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import type { RouteAccess } from '../auth/access/route-table.js';
import type { PublishedContract } from './published.js';
import { parametersOf, requestBodyOf, successOf } from './published-operation.js';

const route = (path: string, published: PublishedContract | undefined, status?: number): RouteAccess => ({
  method: 'GET',
  path,
  rule: { kind: 'roles', roles: ['admin'] },
  controller: 'TestController',
  handler: 'test',
  status,
  published,
});

describe("a route's published request and answer", () => {
  it('states path parameters with their schema, and each query parameter with whether it is required', () => {
    const query = z.strictObject({
      q: z.string().min(1).meta({ description: 'what to look for' }),
      page: z.coerce.number().int().default(1),
    });
    const parameters = parametersOf(route('/api/kpis/:id/units', { params: z.object({ id: KpiId }), query }));
    expect(parameters).toEqual([
      {
        name: 'id',
        in: 'path',
        required: true,
        schema: expect.objectContaining({ pattern: '^[a-z][a-z0-9_]{0,63}$' }),
      },
      {
        name: 'q',
        in: 'query',
        required: true,
        schema: expect.objectContaining({ minLength: 1 }),
        description: 'what to look for',
      },
      { name: 'page', in: 'query', required: false, schema: expect.objectContaining({ type: 'integer', default: 1 }) },
    ]);
    expect(parametersOf(route('/api/tokens/:id', undefined))).toEqual([
      { name: 'id', in: 'path', required: true, schema: { type: 'string', pattern: '^[A-Za-z0-9_-]{1,64}$' } },
    ]);
  });

  it("leaves out of the body the fields its path carries, as a command's id", () => {
    const body = requestBodyOf(route('/api/kpis/:id/versions', { body: KpiDefinition }))!;
    const schema = (
      body['content'] as Record<string, { schema: { properties: Record<string, unknown>; required: string[] } }>
    )['application/json']!.schema;
    expect(Object.keys(schema.properties)).not.toContain('id');
    expect(schema.required).not.toContain('id');
    expect(schema.required).toContain('sql');
    expect(requestBodyOf(route('/api/health', {}))).toBeUndefined();
  });

  it("answers with the route's own status and the answer's schema as its client receives it", () => {
    const answer = z.object({ id: EntityId, count: z.number().default(0) });
    expect(successOf(route('/api/things', { response: answer }, 201))).toEqual({
      '201': {
        description: 'the answer',
        content: {
          'application/json': {
            schema: expect.objectContaining({ required: ['id', 'count'], additionalProperties: false }),
          },
        },
      },
    });
    expect(successOf(route('/api/evidence', { produces: 'application/zip' }))).toEqual({
      '200': { description: 'the answer', content: { 'application/zip': { schema: { type: 'string' } } } },
    });
    expect(successOf(route('/api/logout', undefined, 204))).toEqual({ '204': { description: 'the answer' } });
  });
});
