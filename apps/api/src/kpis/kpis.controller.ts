import {
  Body,
  Controller,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Query,
  UseInterceptors,
} from '@nestjs/common';
import { ReadModelsCompleteInterceptor } from './read-models-complete.interceptor.js';
import { SendKeptAnswerInterceptor } from '../answers/send-kept-answer.interceptor.js';
import { CommandBus, QueryBus } from '@nestjs/cqrs';
import type {
  KpiCatalogChange,
  KpiCatalogEntry,
  KpiUnitsResponse,
  PublishCatalogChangesResponse,
  PublishKpiVersionResponse,
  ScorecardResponse,
  TendersReceivedResponse,
  TrendResponse,
} from '@presales/contracts';
import { definitionOf, KPI_CATALOG } from '@presales/kpi';
import type { EventStore } from '@presales/event-store';
import {
  IsoUtcTime,
  KPI_COMMAND_SCHEMAS,
  KpiDefinition,
  parseCommandData,
  validate,
  type Actor,
} from '@presales/domain';
import { z } from 'zod';
import type { ProjectionView } from '@presales/analytics';
import { READ_YOUR_WRITES_MS } from '../infrastructure/read-your-writes.js';
import { CLOCK, EVENT_STORE, PROJECTOR, type Clock } from '../infrastructure/tokens.js';
import { catalogChangesInStore } from './catalog-changes-in-store.js';
import { GetTendersReceivedQuery } from './get-tenders-received.query.js';
import { Allow, MANAGERS, SignedIn } from '../auth/access/access-rule.js';
import { CurrentActor } from '../auth/access/current-principal.decorator.js';
import { KpiRegistry } from './kpi-registry.js';
import { KnownScopes } from './known-scopes.js';
import { PublishKpiDefinitionCommand } from './publish-kpi-definition.command.js';
import {
  kpiIdParam,
  KpiParams,
  KpiPathParams,
  parseKpiParams,
  periodParam,
  scopeParam,
  trendRangeParam,
} from './kpi-params.js';
import { asOfParam, givenAsOfParam } from '../infrastructure/as-of-param.js';
import { GetKpiUnitsQuery } from './kpi.queries.js';
import { KpiAnswers } from './kpi-answers.js';
import * as answers from '@presales/contracts/answers';
import { Published } from '../openapi/published.js';
import { catalogEntry } from './kpi-catalog-entry.js';

const TendersReceivedParams = z.object({ asOf: IsoUtcTime.optional() });

@Controller('api/kpis')
@SignedIn()
@UseInterceptors(ReadModelsCompleteInterceptor, SendKeptAnswerInterceptor)
export class KpisController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly commandBus: CommandBus,
    private readonly registry: KpiRegistry,
    private readonly scopes: KnownScopes,
    private readonly answers: KpiAnswers,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(PROJECTOR) private readonly projector: ProjectionView,
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
  ) {}

  /** The catalog: every KPI definition with its SQL. */
  @Get()
  @Published({ query: KpiParams.pick({ version: true, asOf: true }), response: answers.KpiCatalogResponse })
  async catalog(@Query() params: unknown): Promise<KpiCatalogEntry[]> {
    const where = 'GET /api/kpis';
    const { version, asOf } = parseKpiParams(params, where);
    return (await this.registry.definitions(asOfParam(asOf, this.clock, where), version)).map(catalogEntry);
  }

  /** The KPIs whose definition in this release's catalog differs from the version in force. */
  @Get('catalog-changes')
  @Published({ response: answers.KpiCatalogChanges })
  changedByCatalog(): Promise<KpiCatalogChange[]> {
    return catalogChangesInStore(this.eventStore);
  }

  /**
   * Publishes the catalog's definition as a new version of every KPI it changes (managers,
   * admins), by the caller: a release's fixed or faster KPI SQL reaches a store only this way.
   */
  @Post('catalog-changes')
  @Published({ response: answers.PublishCatalogChangesResponse })
  @Allow(...MANAGERS)
  @HttpCode(201)
  async publishCatalogChanges(@CurrentActor() actor: Actor): Promise<PublishCatalogChangesResponse> {
    const published: PublishKpiVersionResponse[] = [];
    for (const change of await this.changedByCatalog()) {
      const catalog = KPI_CATALOG.find((d) => d.id === change.kpiId)!;
      const result = await this.commandBus.execute(
        new PublishKpiDefinitionCommand(catalog.id, definitionOf(catalog), {
          occurredAt: this.clock().toISOString(),
          actor,
        }),
      );
      published.push({ kpiId: catalog.id, version: result.version, position: result.position.toString() });
    }
    // As a tender's write (decision 0005): the answer waits briefly for the versions to be readable.
    const last = published.at(-1);
    const projected =
      last === undefined || (await this.projector.waitForPosition(BigInt(last.position), READ_YOUR_WRITES_MS));
    return { published, projected };
  }

  /** PDCA scorecard of every KPI for one period and scope, as of a moment. */
  @Get('scorecard')
  @Published({
    query: KpiParams.pick({ period: true, scope: true, asOf: true, projectType: true, version: true }),
    response: answers.ScorecardResponse,
  })
  scorecard(@Query() params: unknown): Promise<ScorecardResponse> {
    const where = 'GET /api/kpis/scorecard';
    const p = parseKpiParams(params, where);
    const [period, scope] = [periodParam(p.period, where), scopeParam(p.scope, where)];
    const asOf = givenAsOfParam(p.asOf, this.clock, where);
    return this.answers.scorecard({ period, scope, asOf, projectType: p.projectType, version: p.version });
  }

  /** Tenders received per month, from the analytics tables. */
  @Get('tenders-received')
  @Published({ query: TendersReceivedParams, response: answers.TendersReceivedResponse })
  async tendersReceived(@Query() params: unknown): Promise<TendersReceivedResponse> {
    const { asOf } = validate(TendersReceivedParams, params, 'GET /api/kpis/tenders-received');
    const result = await this.queryBus.execute(
      new GetTendersReceivedQuery(asOf === undefined ? undefined : new Date(asOf)),
    );
    return {
      metric: 'tenders_received',
      grain: 'month',
      asOf: asOf ?? null,
      points: result.points,
      total: result.points.reduce((sum, point) => sum + point.tenders, 0),
      trace: { sql: result.sql, events: "analytics table events WHERE type = 'TenderReceived'" },
    };
  }

  /** One KPI per period over a range (default: the last 24 months to asOf). */
  @Get(':id/trend')
  @Published({
    params: KpiPathParams,
    query: KpiParams.pick({ scope: true, asOf: true, from: true, to: true, grain: true, version: true }),
    response: answers.TrendResponse,
  })
  trend(@Param('id') id: string, @Query() params: unknown): Promise<TrendResponse> {
    const where = `GET /api/kpis/${id}/trend`;
    kpiIdParam(id, where);
    const p = parseKpiParams(params, where);
    const asOf = asOfParam(p.asOf, this.clock, where);
    const to = p.to === undefined ? asOf : new Date(p.to);
    const from =
      p.from === undefined ? new Date(Date.UTC(to.getUTCFullYear() - 2, to.getUTCMonth() + 1, 1)) : new Date(p.from);
    trendRangeParam(from, to, p.grain, where);
    const scope = scopeParam(p.scope, where);
    return this.answers.trend({
      kpiId: id,
      from,
      to,
      grain: p.grain,
      scope,
      asOf: p.asOf === undefined ? undefined : asOf,
      version: p.version,
    });
  }

  /** The units (opportunities, tenders, consultant-weeks…) behind one KPI value: the drill-down. */
  @Get(':id/units')
  @Published({
    params: KpiPathParams,
    query: KpiParams.pick({ period: true, scope: true, asOf: true, projectType: true, version: true, limit: true }),
    response: answers.KpiUnitsResponse,
  })
  async units(@Param('id') id: string, @Query() params: unknown): Promise<KpiUnitsResponse> {
    const where = `GET /api/kpis/${id}/units`;
    kpiIdParam(id, where);
    const p = parseKpiParams(params, where);
    const [period, scope, asOf] = [
      periodParam(p.period, where),
      scopeParam(p.scope, where),
      asOfParam(p.asOf, this.clock, where),
    ];
    await this.scopes.assertKnown(scope, asOf);
    return this.queryBus.execute(
      new GetKpiUnitsQuery(
        await this.registry.definition(id, asOf, p.version),
        period,
        scope,
        asOf,
        p.projectType,
        p.limit,
      ),
    );
  }

  /** Publish a new version of a KPI definition (managers, admins); the domain validates it. */
  @Post(':id/versions')
  @Allow(...MANAGERS)
  @HttpCode(201)
  @Published({
    operationId: 'PublishKpiDefinition',
    summary: 'publish a new version of a KPI definition',
    params: KpiPathParams,
    body: KpiDefinition,
    response: answers.PublishKpiVersionResponse,
    refusals: { '404': 'the KPI is not in the catalog', '422': 'a rule of the domain refuses it' },
  })
  async publish(
    @Param('id') id: string,
    @Body() body: unknown,
    @CurrentActor() actor: Actor,
  ): Promise<PublishKpiVersionResponse> {
    kpiIdParam(id, `POST /api/kpis/${id}/versions`);
    // Scorecards, trends and maturity compute the catalog's KPIs: a version of another would be recorded and never used.
    if (!KPI_CATALOG.some((definition) => definition.id === id))
      throw new NotFoundException(`KPI ${id}: not in the catalog (GET /api/kpis lists them)`);
    // The path names the KPI: a body's own id, if any, is the path's.
    const named = typeof body === 'object' && body !== null && !Array.isArray(body) ? { ...body, id } : body;
    const { definition } = parseCommandData(KPI_COMMAND_SCHEMAS, 'PublishKpiDefinition', {
      kpiId: id,
      definition: named,
    });
    const result = await this.commandBus.execute(
      new PublishKpiDefinitionCommand(id, definition, { occurredAt: this.clock().toISOString(), actor }),
    );
    return { kpiId: id, version: result.version, position: result.position.toString() };
  }
}
