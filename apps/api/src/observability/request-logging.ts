import type { Request, Response } from 'express';
import type { IncomingMessage, ServerResponse } from 'node:http';
import type { Logger } from 'pino';
import { pinoHttp, type HttpLogger } from 'pino-http';
import { authenticationOf } from '../auth/access/request-authentication.js';
import { correlationIdOf } from './correlation-id.js';
import { routeTemplateOf } from './route-template.js';

/** Characters of a request's path a log line keeps. */
const MAX_LOGGED_PATH = 512;

/** The fields of a request's log line: what happened and who asked, never a header or a body. */
function requestLine(req: IncomingMessage, res: ServerResponse, durationMs: number): Record<string, unknown> {
  const request = req as Request;
  const principal = authenticationOf(request)?.principal;
  return {
    method: request.method,
    route: routeTemplateOf(request, res as Response),
    // The path without the query (a query may hold what a log must not: an OpenID code), cut
    // short: a caller chooses it, and an unmatched route may be kilobytes long.
    path: (request.originalUrl ?? request.url).split('?')[0]!.slice(0, MAX_LOGGED_PATH),
    status: res.statusCode,
    durationMs,
    ...(principal === undefined ? {} : { subject: principal.id, role: principal.role }),
  };
}

/**
 * pino-http, one line per request when its response ends (decision 0035). The request's id is its
 * correlation id (correlationIdOf), sent back as X-Request-Id and bound to every line logged
 * while serving it; the line is built from chosen fields only, so no header, cookie or body can
 * reach the log.
 */
export function requestLogging(logger: Logger): HttpLogger {
  return pinoHttp({
    logger,
    genReqId: (req, res) => {
      const id = correlationIdOf(req.headers);
      res.setHeader('X-Request-Id', id);
      return id;
    },
    customAttributeKeys: { reqId: 'correlationId' },
    // Lines logged while serving a request carry its correlation id, not the whole request.
    quietReqLogger: true,
    quietResLogger: true,
    customLogLevel: (_req, res, error) => (error !== undefined || res.statusCode >= 500 ? 'error' : 'info'),
    customSuccessObject: (req, res, { responseTime }: { responseTime: number }) => requestLine(req, res, responseTime),
    customSuccessMessage: (req, res) =>
      `${req.method} ${routeTemplateOf(req as Request, res as Response)} ${res.statusCode}`,
    customErrorObject: (req, res, error: Error, { responseTime }: { responseTime: number }) => ({
      ...requestLine(req, res, responseTime),
      error: error.message,
    }),
    customErrorMessage: (req, res) =>
      `${req.method} ${routeTemplateOf(req as Request, res as Response)} ${res.statusCode}`,
  });
}
