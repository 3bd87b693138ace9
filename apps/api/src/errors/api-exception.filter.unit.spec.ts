import type { ArgumentsHost } from '@nestjs/common';
import { AnalyticsQueryError } from '@presales/analytics';
import type { RebuildStatus } from '@presales/contracts';
import * as answers from '@presales/contracts/answers';
import { IllegalStateError } from '@presales/domain';
import { describe, expect, it } from 'vitest';
import type { RebuildService } from '../admin/rebuild.service.js';
import { ApiExceptionFilter } from './api-exception.filter.js';

function answered(state: RebuildStatus['state'], error: unknown) {
  const sent: { status?: number; body?: unknown; headers: Record<string, string> } = { headers: {} };
  const response = {
    setHeader: (name: string, value: string) => (sent.headers[name] = value),
    status: (status: number) => ((sent.status = status), { json: (body: unknown) => (sent.body = body) }),
  };
  const host = { switchToHttp: () => ({ getResponse: () => response }) } as unknown as ArgumentsHost;
  const rebuild = {
    current: (): RebuildStatus => ({ state, projected: 40, total: 100, position: '40', elapsedMs: 10 }),
  } as RebuildService;
  new ApiExceptionFilter(rebuild).catch(error, host);
  return sent;
}

describe('the exception filter', () => {
  const dropped = new AnalyticsQueryError(
    'chdb',
    'SELECT 1 FROM tender_received',
    'Code: 60. DB::Exception: Unknown table expression identifier (UNKNOWN_TABLE)',
  );

  it('answers a read that failed while the read models are rebuilt with 503, saying so and when to retry', () => {
    const sent = answered('running', dropped);
    expect(sent).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '5' },
      body: {
        error: {
          code: 'rebuilding',
          message: 'the read models are being rebuilt (40 of 100 events): try again in a few seconds',
        },
      },
    });
  });

  it('answers the same failure outside a rebuild as the fault it is', () => {
    expect(answered('done', dropped).status).toBe(500);
  });

  it.each([
    [
      'a shard with no replica up (18.16)',
      new AnalyticsQueryError(
        'clickhouse',
        'SELECT 1 FROM t',
        'Code: 279, e.displayText() = DB::Exception: All connection tries failed. Log: Connection refused (127.0.0.1:9003)',
      ),
    ],
    [
      'every node down',
      new AnalyticsQueryError('clickhouse', 'SELECT 1 FROM t', 'connect ECONNREFUSED 127.0.0.1:8123'),
    ],
  ])('refuses with 503 analytics_unavailable when %s, never a partial answer or a 500', (_, error) => {
    const sent = answered('done', error);
    expect(sent).toMatchObject({
      status: 503,
      headers: { 'Retry-After': '10' },
      body: { error: { code: 'analytics_unavailable' } },
    });
    expect((sent.body as { error: { message: string } }).error.message).toMatch(/cannot answer in full right now/);
  });

  it('names the fields a refused rule is about in a 422, as the published error body says, and none when it names none', () => {
    const about = answered(
      'done',
      new IllegalStateError('tender T-9', 'its deadline is not after its receipt', ['deadline']),
    );
    expect(about).toMatchObject({ status: 422, body: { error: { code: 'illegal_state', fields: ['deadline'] } } });
    expect(answers.ApiErrorBody.parse(about.body)).toEqual(about.body);
    const whole = answered('done', new IllegalStateError('tender T-9', 'BidSubmitted after a no_bid decision'));
    expect(whole.status).toBe(422);
    expect(whole.body).toEqual({
      error: { code: 'illegal_state', message: 'tender T-9: BidSubmitted after a no_bid decision' },
    });
  });
});
