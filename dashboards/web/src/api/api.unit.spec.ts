import { describe, expect, it } from 'vitest';
import { fillRoute, routesFromOpenApi } from './commands';
import { queryString } from './endpoints';
import { errorMessage } from './http';

describe('command routes', () => {
  it('finds a command’s route in the OpenAPI document by operationId', () => {
    const routes = routesFromOpenApi({
      paths: {
        '/api/corrective-actions/{actionId}/completion': { post: { operationId: 'CompleteCorrectiveAction' } },
        '/api/kpis': { get: { operationId: 'catalog' } },
      },
    });
    expect([...routes]).toEqual([['CompleteCorrectiveAction', '/api/corrective-actions/{actionId}/completion']]);
  });

  it('fills the path from the payload, and the body keeps the rest', () => {
    expect(fillRoute('/api/corrective-actions/{actionId}/completion', { actionId: 'ca 1', result: 'done' })).toEqual({
      path: '/api/corrective-actions/ca%201/completion',
      body: { result: 'done' },
    });
  });
});

describe('requests', () => {
  it('leave out empty parameters', () => {
    expect(queryString({ period: '2026-Q3', scope: 'team:t-1', asOf: null, projectType: undefined })).toBe(
      '?period=2026-Q3&scope=team%3At-1',
    );
    expect(queryString({ asOf: null })).toBe('');
  });

  it('read both error shapes the API sends', () => {
    expect(errorMessage({ error: { code: 'forbidden', message: 'no' } }, 403)).toEqual({
      code: 'forbidden',
      message: 'no',
    });
    expect(errorMessage({ error: 'unauthorized', message: 'sign in' }, 401)).toEqual({
      code: 'unauthorized',
      message: 'sign in',
    });
    expect(errorMessage(undefined, 502)).toEqual({ code: undefined, message: 'HTTP 502' });
  });
});
