import type { NestExpressApplication } from '@nestjs/platform-express';
import type { NextFunction, Request, Response } from 'express';
import type { Logger } from 'pino';
import type { HttpMetrics } from '../metrics/http-metrics.js';
import { runInRequestContext } from './request-context.js';
import { requestLogging } from './request-logging.js';
import { routeTemplateOf } from './route-template.js';

/**
 * The first middleware of every request, API and dashboard alike: its correlation id and log line
 * (pino-http), its latency in the histogram by route template when the response ends, and the
 * request context the event store reads the correlation id from. Decision 0035.
 */
export function observeRequests(app: NestExpressApplication, logger: Logger, httpMetrics: HttpMetrics): void {
  app.use(requestLogging(logger));
  app.use((request: Request, response: Response, next: NextFunction) => {
    const started = performance.now();
    // 'close' comes once the response has ended or the client has gone, whichever is first.
    response.once('close', () =>
      httpMetrics.observe(
        routeTemplateOf(request, response),
        request.method,
        response.statusCode,
        (performance.now() - started) / 1000,
      ),
    );
    runInRequestContext({ correlationId: String(request.id) }, next);
  });
}
