import { Catch, HttpException, Injectable, Logger, type ArgumentsHost, type ExceptionFilter } from '@nestjs/common';
import type { ApiErrorBody } from '@presales/contracts';
import { AnalyticsQueryError, AnalystSqlRejectedError, TooManyAnalystQueriesError } from '@presales/analytics';
import { RebuildService } from '../admin/rebuild.service.js';
import { DomainError, ERROR_HTTP_STATUS, IllegalStateError, ValidationError } from '@presales/domain';
import type { Response } from 'express';
import { bodyRefusalStatus } from './json-body.js';
import { ReadModelsBehindError } from '../kpis/read-models-complete.interceptor.js';

/** The one place errors become HTTP: DomainError codes map to statuses (DESIGN.md conventions). */
@Catch()
@Injectable()
export class ApiExceptionFilter implements ExceptionFilter {
  private readonly logger = new Logger('api');

  constructor(private readonly rebuild: RebuildService) {}

  catch(error: unknown, host: ArgumentsHost): void {
    const response = host.switchToHttp().getResponse<Response>();
    if (error instanceof AnalyticsQueryError && this.rebuild.current().state === 'running') {
      // The read models are being dropped and refilled: a read fails for that, not for a fault. Say so, and when to retry.
      const { projected, total } = this.rebuild.current();
      response.setHeader('Retry-After', '5');
      response.status(503).json({
        error: {
          code: 'rebuilding',
          message: `the read models are being rebuilt (${projected} of ${total} events): try again in a few seconds`,
        },
      } satisfies ApiErrorBody);
      return;
    }
    if (error instanceof ReadModelsBehindError) {
      response.setHeader('Retry-After', '5');
      response.status(503).json({ error: { code: 'projecting', message: error.message } } satisfies ApiErrorBody);
      return;
    }
    if (error instanceof AnalyticsQueryError && error.storeUnavailable) {
      // A shard (or every node) is down: an answer now would lack its rows. Refuse, and say when to retry (decision 0028).
      this.logger.warn(error.message);
      response.setHeader('Retry-After', '10');
      response.status(503).json({
        error: {
          code: 'analytics_unavailable',
          message: `the analytics store cannot answer in full right now, so nothing is answered: ${error.engineMessage.split('\n')[0]}`,
        },
      } satisfies ApiErrorBody);
      return;
    }
    const [status, body] = toResponse(error);
    // Every 429 says when to come back (RFC 9110 10.2.3), so clients can wait instead of hammering.
    const retryAfter = (error as { retryAfterSeconds?: unknown } | null)?.retryAfterSeconds;
    if (status === 429 && typeof retryAfter === 'number') response.setHeader('Retry-After', String(retryAfter));
    if (status === 401) response.setHeader('WWW-Authenticate', 'Bearer realm="presales"');
    if (status >= 500) this.logger.error(error instanceof Error ? (error.stack ?? error.message) : String(error));
    response.status(status).json(body);
  }
}

function toResponse(error: unknown): [number, ApiErrorBody] {
  if (error instanceof DomainError) {
    const issues = error instanceof ValidationError ? { issues: error.issues } : {};
    // A rule about some of the request's fields names them, so a form can say it there.
    const fields = error instanceof IllegalStateError && error.fields.length > 0 ? { fields: [...error.fields] } : {};
    return [
      ERROR_HTTP_STATUS[error.code],
      { error: { code: error.code, message: error.message, ...issues, ...fields } },
    ];
  }
  if (error instanceof AnalystSqlRejectedError) {
    return [400, { error: { code: 'sql_rejected', message: error.message } }];
  }
  if (error instanceof TooManyAnalystQueriesError) {
    return [429, { error: { code: 'too_many_queries', message: error.message } }];
  }
  const bodyStatus = bodyRefusalStatus(error);
  if (bodyStatus !== undefined) {
    return [
      bodyStatus,
      {
        error: {
          code: bodyStatus === 413 ? 'payload_too_large' : 'validation',
          message: `the request body is refused: ${(error as Error).message}`,
        },
      },
    ];
  }
  if (error instanceof HttpException) {
    const status = error.getStatus();
    return [status, { error: { code: httpErrorCode(status), message: error.message } }];
  }
  return [500, { error: { code: 'internal', message: 'internal error; the server log has the details' } }];
}

const HTTP_ERROR_CODES: Readonly<Record<number, ApiErrorBody['error']['code']>> = {
  401: 'unauthorized',
  403: 'forbidden',
  404: 'not_found',
  409: 'concurrency',
  413: 'payload_too_large',
  429: 'rate_limited',
};

function httpErrorCode(status: number): ApiErrorBody['error']['code'] {
  return HTTP_ERROR_CODES[status] ?? (status < 500 ? 'validation' : 'internal');
}
