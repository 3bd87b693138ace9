import { Injectable } from '@nestjs/common';
import { Counter } from 'prom-client';
import { MetricsRegistry } from './metrics-registry.js';

/**
 * Events appended to the event store, by event type. Types are a closed set: every path that
 * appends (commands, imports, security and audit records) checks the type against the catalog.
 */
@Injectable()
export class AppendMetrics {
  private readonly appended: Counter<'type'>;

  constructor({ registry }: MetricsRegistry) {
    this.appended = new Counter({
      name: 'presales_events_appended_total',
      help: 'Events in successful appends since start, by event type (an idempotent retry that writes nothing counts again).',
      labelNames: ['type'],
      registers: [registry],
    });
  }

  appendedEvents(types: readonly string[]): void {
    for (const type of types) this.appended.inc({ type });
  }
}
