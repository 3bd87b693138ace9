import {
  Global,
  Inject,
  Module,
  type DynamicModule,
  type OnApplicationBootstrap,
  type OnApplicationShutdown,
} from '@nestjs/common';
import {
  AnalystAdmission,
  GatedQueryStore,
  Projector,
  RemoteProjection,
  type AnalyticsStore,
  type AnalystSession,
  type ProjectionView,
} from '@presales/analytics';
import type { EventStore } from '@presales/event-store';
import { openAnalyticsStore, openEventStore, type AppConfig } from '@presales/platform-config';
import { AppendMetrics } from '../metrics/append-metrics.js';
import { ObservedEventStore } from './observed-event-store.js';
import { ANALYST_LIMITS, analystAdmissionLimits } from './analyst-limits.js';
import { openSqlGate, type OpenSqlGate } from './sql-gate.js';
import { fxRatesFile, loadFxRates } from './fx-rates.js';
import {
  ANALYST_ADMISSION,
  ANALYST_SESSION,
  ANALYTICS_STORE,
  APP_CONFIG,
  CLOCK,
  EVENT_STORE,
  FX_RATES,
  KPI_STORE,
  PROJECTOR,
  SQL_GATE,
  type Clock,
} from './tokens.js';

/** Starts the projector once the app is up, and closes everything in reverse order on shutdown. */
class StoresLifecycle implements OnApplicationBootstrap, OnApplicationShutdown {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore,
    @Inject(PROJECTOR) private readonly projector: ProjectionView,
    @Inject(ANALYST_SESSION) private readonly analystSession: AnalystSession,
    @Inject(SQL_GATE) private readonly sqlGate: OpenSqlGate,
  ) {}

  onApplicationBootstrap(): void {
    // chDB locks its folder, so in embedded mode the projector must live in this process (DESIGN.md decision 2).
    // With PROJECTOR=off this starts following the checkpoint a separate projector writes.
    this.projector.start();
  }

  async onApplicationShutdown(): Promise<void> {
    await this.projector.stop();
    await this.analystSession.close();
    this.sqlGate.close();
    await this.analytics.close();
    await this.eventStore.close();
  }
}

@Global()
@Module({})
export class InfrastructureModule {
  static forConfig(config: AppConfig): DynamicModule {
    return {
      module: InfrastructureModule,
      providers: [
        { provide: APP_CONFIG, useValue: config },
        { provide: CLOCK, useValue: (() => new Date()) satisfies Clock },
        { provide: FX_RATES, useFactory: () => loadFxRates(fxRatesFile()) },
        {
          provide: EVENT_STORE,
          useFactory: async (appends: AppendMetrics) =>
            new ObservedEventStore(await openEventStore(config.eventStore), appends),
          inject: [AppendMetrics],
        },
        { provide: ANALYTICS_STORE, useFactory: () => openAnalyticsStore(config.analytics) },
        {
          provide: PROJECTOR,
          useFactory: (eventStore: EventStore, analytics: AnalyticsStore): ProjectionView =>
            config.projector === 'off'
              ? new RemoteProjection(eventStore, analytics)
              : new Projector(eventStore, analytics, { log: (message) => console.log(`[projector] ${message}`) }),
          inject: [EVENT_STORE, ANALYTICS_STORE],
        },
        {
          provide: ANALYST_SESSION,
          useFactory: (analytics: AnalyticsStore) => analytics.openAnalystSession(ANALYST_LIMITS),
          inject: [ANALYTICS_STORE],
        },
        {
          provide: SQL_GATE,
          useFactory: (analytics: AnalyticsStore) => openSqlGate(analytics, config.analytics),
          inject: [ANALYTICS_STORE],
        },
        {
          provide: KPI_STORE,
          useFactory: (analytics: AnalyticsStore, gate: OpenSqlGate) => new GatedQueryStore(analytics, gate),
          inject: [ANALYTICS_STORE, SQL_GATE],
        },
        { provide: ANALYST_ADMISSION, useFactory: () => new AnalystAdmission(analystAdmissionLimits(process.env)) },
        StoresLifecycle,
      ],
      exports: [
        APP_CONFIG,
        CLOCK,
        FX_RATES,
        EVENT_STORE,
        ANALYTICS_STORE,
        PROJECTOR,
        ANALYST_SESSION,
        SQL_GATE,
        KPI_STORE,
        ANALYST_ADMISSION,
      ],
    };
  }
}
