import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import helmet from 'helmet';
import { dirname } from 'node:path';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module.js';
import type { AppConfig } from '@presales/platform-config';
import { dashboardDir } from './dashboard/dashboard-dir.js';
import { serveDashboard } from './dashboard/serve-dashboard.js';
import { JSON_BODY_LIMIT, verifyJsonBody } from './errors/json-body.js';
import { HttpMetrics } from './metrics/http-metrics.js';
import { PlatformNestLogger } from './observability/nest-logger.js';
import { observeRequests } from './observability/observe-requests.js';
import { createPlatformLogger, logLevelOf } from './observability/platform-logger.js';
import { nameRoute } from './observability/route-template.js';

export interface RunningPlatform {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Build the Nest app for `config`, serve the dashboard at `/`, and listen. */
export async function startPlatform(config: AppConfig): Promise<RunningPlatform> {
  const logger = createPlatformLogger(logLevelOf(process.env));
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config, logger), {
    // Until the pino logger takes over below, only problems are printed (as Nest's plain text).
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  app.useLogger(app.get(PlatformNestLogger));
  // First, so every request (API, dashboard, refusals by the middleware below) is logged and timed.
  observeRequests(app, logger, app.get(HttpMetrics));
  // Security headers on every answer, API and dashboard alike (helmet's defaults: a same-origin
  // content security policy, no sniffing, no framing, HSTS). CORS stays closed: Nest sends no
  // Access-Control-Allow-Origin unless enableCors is called, and it is not, whatever HOST is.
  // upgrade-insecure-requests is left out: on a plain-HTTP address in a LAN it would send the
  // dashboard's own scripts to an https:// that does not answer.
  app.use(
    helmet({
      contentSecurityPolicy: {
        directives: { 'img-src': ["'self'", 'data:', 'blob:'], 'upgrade-insecure-requests': null },
      },
    }),
  );
  app.disable('x-powered-by');
  // Swagger UI's own files from its npm package, for the contract's page at /api/docs.
  app.useStaticAssets(dirname(require.resolve('swagger-ui-dist/package.json')), {
    prefix: '/api/docs/assets/',
    index: false,
    setHeaders: (res) => nameRoute(res, '/api/docs/assets/*'),
  });
  app.useBodyParser('json', { limit: JSON_BODY_LIMIT, verify: verifyJsonBody });
  serveDashboard(app, dashboardDir());
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  return { url: `http://${host}:${port}/`, close: () => app.close() };
}
