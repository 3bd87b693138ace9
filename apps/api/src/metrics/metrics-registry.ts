import { Injectable } from '@nestjs/common';
import { collectDefaultMetrics, Registry } from 'prom-client';

/**
 * The one prom-client registry of the platform: every recorder registers its metrics here and
 * GET /metrics renders it. Node's own process metrics (CPU, memory, event-loop lag, GC, handles)
 * come from prom-client's default collectors, under the same `presales_` prefix as ours.
 */
@Injectable()
export class MetricsRegistry {
  readonly registry = new Registry();

  constructor() {
    collectDefaultMetrics({ register: this.registry, prefix: 'presales_' });
  }
}
