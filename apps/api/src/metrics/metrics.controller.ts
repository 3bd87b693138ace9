import { Controller, Get, Header } from '@nestjs/common';
import { Registry } from 'prom-client';
import { ADMINS, AllowOrMetricsToken } from '../auth/access/access-rule.js';
import { MetricsRegistry } from './metrics-registry.js';
import { PlatformStateMetrics } from './platform-state-metrics.js';

/**
 * Every metric of the platform in Prometheus' text format, for scraping and alerting (decision 0035),
 * for admins and for a scraper holding METRICS_TOKEN.
 */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly registry: MetricsRegistry,
    private readonly platformState: PlatformStateMetrics,
  ) {}

  @Get()
  // Not public: events appended by type are the business's volumes (bids, quotes, outcomes).
  @AllowOrMetricsToken(...ADMINS)
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  async metrics(): Promise<string> {
    await this.platformState.refresh();
    return this.registry.registry.metrics();
  }
}
