import { Public } from '../auth/access/access-rule.js';
import { Controller, Get, Header } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AnswerCache } from '../answers/answer-cache.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { GetHealthQuery } from '../health/get-health.query.js';
import { renderGauges } from './prometheus-text.js';

/** The health report as Prometheus gauges, for scraping and alerting on projector lag. */
@Controller('metrics')
export class MetricsController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly auditTrail: AuditTrail,
    private readonly answers: AnswerCache,
  ) {}

  @Get()
  @Public('Prometheus scrapes it without credentials; it shows counts and lag, no data')
  @Header('content-type', 'text/plain; version=0.0.4')
  async metrics(): Promise<string> {
    const health = await this.queryBus.execute(new GetHealthQuery());
    return renderGauges([
      { name: 'presales_event_store_up', help: 'Whether the event store answers (1) or not (0).', value: health.eventStore.ok ? 1 : 0, labels: { engine: health.eventStore.engine } },
      { name: 'presales_event_store_head_position', help: 'Position of the newest recorded event.', value: Number(health.eventStore.headPosition ?? 0) },
      { name: 'presales_analytics_store_up', help: 'Whether the analytics store answers (1) or not (0).', value: health.analyticsStore.ok ? 1 : 0, labels: { engine: health.analyticsStore.engine } },
      { name: 'presales_projector_checkpoint', help: 'Last position whose rows are in the analytics store.', value: Number(health.projector.checkpoint) },
      { name: 'presales_projector_lag_events', help: 'Events recorded but not yet projected.', value: health.projector.lagEvents },
      { name: 'presales_projector_lag_seconds', help: 'Age of the oldest event not yet projected.', value: health.projector.lagSeconds },
      { name: 'presales_projector_live', help: 'Whether the projector is live (1) or catching up, retrying or stopped (0).', value: health.projector.state === 'live' ? 1 : 0, labels: { state: health.projector.state } },
      ...Object.entries(this.answers.counts()).map(([outcome, count]) => ({ name: 'presales_answers_total', help: 'Scorecards, trends and maturity asked for since start, by how each was answered: kept (hit), by a computation already running (joined), or computed.', value: count, labels: { outcome }, type: 'counter' as const })),
      { name: 'presales_answers_kept_bytes', help: 'Estimated bytes of the answers kept for the read models as they are (decision 0029).', value: this.answers.held().bytes },
      ...[...this.auditTrail.refusalCounts()].map(([code, count]) => ({ name: 'presales_audit_refusals_total', help: 'Audit requests refused since start (not recorded in the log), by error code.', value: count, labels: { code }, type: 'counter' as const })),
    ]);
  }
}
