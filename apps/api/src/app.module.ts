import { Module, type DynamicModule } from '@nestjs/common';
import { LoggerModule } from 'nestjs-pino';
import type { Logger } from 'pino';
import { APP_FILTER } from '@nestjs/core';
import { CqrsModule } from '@nestjs/cqrs';
import type { AppConfig } from '@presales/platform-config';
import { AdminController } from './admin/admin.controller.js';
import { AUTH_CONTROLLERS, AUTH_PROVIDERS } from './auth/auth.module-parts.js';
import { COMMAND_CONTROLLERS, COMMAND_PROVIDERS } from './commands/commands.module-parts.js';
import { OpenApiController } from './openapi/openapi.controller.js';
import { ROUTE_CONTROLLERS } from './openapi/openapi-tokens.js';
import { AUDIT_CONTROLLERS, AUDIT_PROVIDERS, AUDIT_QUERY_HANDLERS } from './audit/audit.module-parts.js';
import { RebuildService } from './admin/rebuild.service.js';
import { ApiExceptionFilter } from './errors/api-exception.filter.js';
import { GetHealthHandler } from './health/get-health.handler.js';
import { HealthController } from './health/health.controller.js';
import { demoSeederProvider } from './import/demo-seeder.js';
import { ImportController } from './import/import.controller.js';
import { ImportEventsHandler } from './import/import-events.handler.js';
import { LiveController } from './live/live.controller.js';
import { LIBRARY_CONTROLLERS, LIBRARY_PROVIDERS } from './library/library.module-parts.js';
import { InfrastructureModule } from './infrastructure/infrastructure.module.js';
import { GetTendersReceivedHandler } from './kpis/get-tenders-received.handler.js';
import { GetKpiTrendHandler, GetKpiUnitsHandler, GetScorecardHandler } from './kpis/kpi.handlers.js';
import { kpiCatalogPublisherProvider } from './kpis/kpi-catalog-publisher.js';
import { KpiRegistry } from './kpis/kpi-registry.js';
import { KpisController } from './kpis/kpis.controller.js';
import { PublishKpiDefinitionHandler } from './kpis/publish-kpi-definition.handler.js';
import { KpiSqlCheck } from './kpis/kpi-sql-check.js';
import { KnownScopes } from './kpis/known-scopes.js';
import { GetMaturityHandler } from './maturity/get-maturity.handler.js';
import { MaturityController } from './maturity/maturity.controller.js';
import { MetricsController } from './metrics/metrics.controller.js';
import { MetricsModule } from './metrics/metrics.module.js';
import { PlatformStateMetrics } from './metrics/platform-state-metrics.js';
import { PlatformNestLogger } from './observability/nest-logger.js';
import { ANSWER_PROVIDERS } from './answers/answer-providers.js';
import { SQL_CONTROLLERS, SQL_PROVIDERS, SQL_QUERY_HANDLERS } from './sql/sql.module-parts.js';
import { TendersController } from './tenders/tenders.controller.js';
import { WorkspaceController } from './workspace/workspace.controller.js';

const commandHandlers = [ImportEventsHandler, PublishKpiDefinitionHandler];
const queryHandlers = [
  GetTendersReceivedHandler,
  GetHealthHandler,
  ...SQL_QUERY_HANDLERS,
  GetScorecardHandler,
  GetKpiTrendHandler,
  GetKpiUnitsHandler,
  GetMaturityHandler,
  ...AUDIT_QUERY_HANDLERS,
];
/** Every controller: the route table (auth/access/route-table.ts) is read from these. */
export const CONTROLLERS = [
  TendersController,
  KpisController,
  HealthController,
  ...SQL_CONTROLLERS,
  AdminController,
  MetricsController,
  MaturityController,
  ImportController,
  LiveController,
  ...AUDIT_CONTROLLERS,
  ...AUTH_CONTROLLERS,
  ...COMMAND_CONTROLLERS,
  WorkspaceController,
  ...LIBRARY_CONTROLLERS,
  OpenApiController,
];

@Module({})
export class AppModule {
  /** `logger`: the pino logger whose pino-http middleware bootstrap installed (observeRequests). */
  static forConfig(config: AppConfig, logger: Logger): DynamicModule {
    return {
      module: AppModule,
      // useExisting: pino-http already runs as the first middleware; nestjs-pino binds its request logger for Nest's logs.
      imports: [
        CqrsModule.forRoot(),
        MetricsModule,
        LoggerModule.forRoot({ pinoHttp: { logger }, useExisting: true }),
        InfrastructureModule.forConfig(config),
      ],
      controllers: CONTROLLERS,
      providers: [
        { provide: ROUTE_CONTROLLERS, useValue: CONTROLLERS },
        ...AUTH_PROVIDERS,
        ...COMMAND_PROVIDERS,
        ...commandHandlers,
        ...queryHandlers,
        ...AUDIT_PROVIDERS,
        ...LIBRARY_PROVIDERS,
        ...SQL_PROVIDERS,
        demoSeederProvider,
        kpiCatalogPublisherProvider,
        KpiRegistry,
        KpiSqlCheck,
        KnownScopes,
        ...ANSWER_PROVIDERS,
        RebuildService,
        PlatformStateMetrics,
        PlatformNestLogger,
        { provide: APP_FILTER, useClass: ApiExceptionFilter },
      ],
    };
  }
}
