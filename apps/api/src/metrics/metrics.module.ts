import { Global, Module } from '@nestjs/common';
import { AnalystSqlMetrics } from './analyst-sql-metrics.js';
import { AppendMetrics } from './append-metrics.js';
import { HttpMetrics } from './http-metrics.js';
import { MetricsRegistry } from './metrics-registry.js';
import { SignInMetrics } from './sign-in-metrics.js';

const RECORDERS = [MetricsRegistry, HttpMetrics, AppendMetrics, AnalystSqlMetrics, SignInMetrics];

/**
 * The registry and the small recorders that count where things happen (decision 0035). Global,
 * so the event store's factory in InfrastructureModule and any handler can take a recorder.
 */
@Global()
@Module({ providers: RECORDERS, exports: RECORDERS })
export class MetricsModule {}
