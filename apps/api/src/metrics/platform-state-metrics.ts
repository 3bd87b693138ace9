import { Injectable } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { HealthResponse } from '@presales/contracts';
import { Counter, Gauge } from 'prom-client';
import { AnswerCache } from '../answers/answer-cache.js';
import { AuditTrail } from '../audit/audit-trail.js';
import { GetHealthQuery } from '../health/get-health.query.js';
import { MetricsRegistry } from './metrics-registry.js';

/**
 * What the platform reports about itself, read at each scrape: the health report (engines,
 * projector lag) as gauges, and the counts the answer cache and the audit trail keep. Names and
 * meanings are those /metrics always had, so dashboards and alerts built on them keep working.
 */
@Injectable()
export class PlatformStateMetrics {
  private readonly eventStoreUp: Gauge<'engine'>;
  private readonly headPosition: Gauge;
  private readonly analyticsStoreUp: Gauge<'engine'>;
  private readonly checkpoint: Gauge;
  private readonly lagEvents: Gauge;
  private readonly lagSeconds: Gauge;
  private readonly projectorLive: Gauge<'state'>;
  private readonly answers: Counter<'outcome'>;
  private readonly answersKeptBytes: Gauge;
  private readonly auditRefusals: Counter<'code'>;

  constructor(
    { registry }: MetricsRegistry,
    private readonly queryBus: QueryBus,
    private readonly answerCache: AnswerCache,
    private readonly auditTrail: AuditTrail,
  ) {
    const registers = [registry];
    this.eventStoreUp = new Gauge({
      name: 'presales_event_store_up',
      help: 'Whether the event store answers (1) or not (0).',
      labelNames: ['engine'],
      registers,
    });
    this.headPosition = new Gauge({
      name: 'presales_event_store_head_position',
      help: 'Position of the newest recorded event.',
      registers,
    });
    this.analyticsStoreUp = new Gauge({
      name: 'presales_analytics_store_up',
      help: 'Whether the analytics store answers (1) or not (0).',
      labelNames: ['engine'],
      registers,
    });
    this.checkpoint = new Gauge({
      name: 'presales_projector_checkpoint',
      help: 'Last position whose rows are in the analytics store.',
      registers,
    });
    this.lagEvents = new Gauge({
      name: 'presales_projector_lag_events',
      help: 'Events recorded but not yet projected.',
      registers,
    });
    this.lagSeconds = new Gauge({
      name: 'presales_projector_lag_seconds',
      help: 'Age of the oldest event not yet projected.',
      registers,
    });
    this.projectorLive = new Gauge({
      name: 'presales_projector_live',
      help: 'Whether the projector is live (1) or catching up, retrying or stopped (0).',
      labelNames: ['state'],
      registers,
    });
    this.answers = new Counter({
      name: 'presales_answers_total',
      help: 'Scorecards, trends and maturity asked for since start, by how each was answered: kept (hit), by a computation already running (joined), or computed.',
      labelNames: ['outcome'],
      registers,
    });
    this.answersKeptBytes = new Gauge({
      name: 'presales_answers_kept_bytes',
      help: 'Estimated bytes of the answers kept for the read models as they are (decision 0029).',
      registers,
    });
    this.auditRefusals = new Counter({
      name: 'presales_audit_refusals_total',
      help: 'Audit requests refused since start (not recorded in the log), by error code.',
      labelNames: ['code'],
      registers,
    });
  }

  /** Reads the health report and the kept counts into the metrics; call before rendering them. */
  async refresh(): Promise<void> {
    const health: HealthResponse = await this.queryBus.execute(new GetHealthQuery());
    // From here on nothing awaits: a scrape running alongside never sees a series half set.
    this.eventStoreUp.reset();
    this.eventStoreUp.set({ engine: health.eventStore.engine }, health.eventStore.ok ? 1 : 0);
    this.headPosition.set(Number(health.eventStore.headPosition ?? 0));
    this.analyticsStoreUp.reset();
    this.analyticsStoreUp.set({ engine: health.analyticsStore.engine }, health.analyticsStore.ok ? 1 : 0);
    this.checkpoint.set(Number(health.projector.checkpoint));
    this.lagEvents.set(health.projector.lagEvents);
    this.lagSeconds.set(health.projector.lagSeconds);
    // One series, labelled with the state it is in now: the previous state's series goes.
    this.projectorLive.reset();
    this.projectorLive.set({ state: health.projector.state }, health.projector.state === 'live' ? 1 : 0);
    // The cache and the trail own these counts; the counters mirror them (they only grow, so
    // setting a counter to the owner's count keeps it a counter).
    this.answers.reset();
    for (const [outcome, count] of Object.entries(this.answerCache.counts())) this.answers.inc({ outcome }, count);
    this.answersKeptBytes.set(this.answerCache.held().bytes);
    this.auditRefusals.reset();
    for (const [code, count] of this.auditTrail.refusalCounts()) this.auditRefusals.inc({ code }, count);
  }
}
