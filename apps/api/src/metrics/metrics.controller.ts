import { Controller, Get, Header } from '@nestjs/common';
import { Registry } from 'prom-client';
import { Public } from '../auth/access/access-rule.js';
import { MetricsRegistry } from './metrics-registry.js';
import { PlatformStateMetrics } from './platform-state-metrics.js';

/** Every metric of the platform in Prometheus' text format, for scraping and alerting (decision 0035). */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly registry: MetricsRegistry,
    private readonly platformState: PlatformStateMetrics,
  ) {}

  @Get()
  @Public('Prometheus scrapes it without credentials; it shows counts, durations and lag, no data')
  @Header('content-type', Registry.PROMETHEUS_CONTENT_TYPE)
  async metrics(): Promise<string> {
    await this.platformState.refresh();
    return this.registry.registry.metrics();
  }
}
