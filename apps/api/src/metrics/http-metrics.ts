import { Injectable } from '@nestjs/common';
import { Histogram } from 'prom-client';
import { MetricsRegistry } from './metrics-registry.js';

/**
 * Request latency by route template, method and status. The route is the template the router
 * matched (`/api/tenders/:tenderId`), never the URL as sent: ids in label values would make a new
 * series per record and take the metrics store down with them.
 */
@Injectable()
export class HttpMetrics {
  private readonly duration: Histogram<'route' | 'method' | 'status'>;

  constructor({ registry }: MetricsRegistry) {
    this.duration = new Histogram({
      name: 'presales_http_request_duration_seconds',
      help: 'Time from a request arriving to its response ending, by route template, method and status.',
      labelNames: ['route', 'method', 'status'],
      buckets: [0.005, 0.01, 0.025, 0.05, 0.1, 0.25, 0.5, 1, 2.5, 5, 10, 30, 120],
      registers: [registry],
    });
  }

  observe(route: string, method: string, status: number, seconds: number): void {
    this.duration.observe({ route, method, status: String(status) }, seconds);
  }
}
