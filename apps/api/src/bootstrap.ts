import 'reflect-metadata';
import { NestFactory } from '@nestjs/core';
import type { NestExpressApplication } from '@nestjs/platform-express';
import type { AddressInfo } from 'node:net';
import { AppModule } from './app.module.js';
import type { AppConfig } from './config/app-config.js';
import { dashboardDir } from './dashboard/dashboard-dir.js';
import { serveDashboard } from './dashboard/serve-dashboard.js';

export interface RunningPlatform {
  readonly url: string;
  readonly close: () => Promise<void>;
}

/** Build the Nest app for `config`, serve the dashboard at `/`, and listen. */
export async function startPlatform(config: AppConfig): Promise<RunningPlatform> {
  const app = await NestFactory.create<NestExpressApplication>(AppModule.forConfig(config), {
    logger: ['error', 'warn'],
    abortOnError: false,
  });
  serveDashboard(app, dashboardDir());
  await app.listen(config.port, config.host);
  const { port } = app.getHttpServer().address() as AddressInfo;
  const host = config.host === '0.0.0.0' || config.host === '127.0.0.1' ? 'localhost' : config.host;
  return { url: `http://${host}:${port}/`, close: () => app.close() };
}
