import { Controller, Get, Inject, Param, Query, Res, StreamableFile } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { parseMoment, utcDay, type StoreChainReport } from '@presales/audit';
import { streamName, validate, type Actor } from '@presales/domain';
import { Allow, AUDITORS } from '../auth/access/access-rule.js';
import { CurrentActor } from '../auth/access/current-principal.decorator.js';
import { periodContaining } from '@presales/kpi';
import type { FxRates } from '@presales/analytics';
// The answers are typed by the contracts the dashboard reads: libs/audit's types must keep fitting them.
import type {
  AuditChainVerdict,
  AuditReadsResponse,
  BidHistoryResponse,
  DeadlineProofResponse,
  RecordSearchResponse,
  StateAsOfResponse,
  StateDiffResponse,
} from '@presales/contracts';
import type { Response } from 'express';
import { CLOCK, FX_RATES, type Clock } from '../infrastructure/tokens.js';
import { periodParam, scopeParam } from '../kpis/kpi-params.js';
import { KpiRegistry } from '../kpis/kpi-registry.js';
import {
  AuditReadsParams,
  DiffParams,
  KpiSnapshotParams,
  recordedParameters,
  SearchParams,
  StateParams,
  StreamParam,
  streamIdParam,
  TenderParam,
  tenderIdParam,
} from './audit-params.js';
import { SearchRecordsQuery } from './record-search.handler.js';
import { AuditTrail } from './audit-trail.js';
import {
  BuildEvidencePackQuery,
  GetBidHistoryQuery,
  GetDeadlineProofQuery,
  GetKpiSnapshotQuery,
  GetStateAsOfQuery,
  GetStateDiffQuery,
  ListAuditReadsQuery,
  VerifyStoreQuery,
  VerifyStreamQuery,
} from './audit.queries.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

/** Default span of GET /api/audit/reads: the last seven days, today included. */
const DEFAULT_READS_DAYS = 7;

/**
 * Audit and dispute replay (DESIGN.md: the auditor). Auditors and admins only; every request,
 * answered or refused, is recorded as an AuditRead (docs/decisions/0011-audit-reads.md).
 */
@Controller('api/audit')
@Allow(...AUDITORS)
export class AuditController {
  constructor(
    private readonly queryBus: QueryBus,
    private readonly trail: AuditTrail,
    private readonly registry: KpiRegistry,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(FX_RATES) private readonly fx: FxRates,
  ) {}

  /** The bids whose tender id, issuer, opportunity (id, name, customer) or quote id contains `q`. */
  @Get('search')
  @Published({ query: SearchParams, response: answers.RecordSearchResponse })
  search(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<RecordSearchResponse> {
    const where = 'GET /api/audit/search';
    return this.trail.answer(
      actor,
      { request: 'record_search', where, subject: 'search', parameters: recordedParameters(query) },
      () => this.queryBus.execute(new SearchRecordsQuery(validate(SearchParams, query, where))),
    );
  }

  /** Every event of the tender and of the streams linked to it, in `$all` order. */
  @Get('tenders/:tenderId/history')
  @Published({ params: TenderParam, response: answers.BidHistoryResponse })
  history(@Param('tenderId') tenderId: string, @CurrentActor() actor: Actor): Promise<BidHistoryResponse> {
    const where = `GET /api/audit/tenders/${tenderId}/history`;
    return this.trail.answer(
      actor,
      { request: 'history', where, subject: streamName('tender', tenderId), parameters: {} },
      () => this.queryBus.execute(new GetBidHistoryQuery(tenderIdParam(tenderId, where))),
    );
  }

  /** Deadline, claimed and attested times, document SHA-256 and the chain's verdict. */
  @Get('tenders/:tenderId/deadline-proof')
  @Published({ params: TenderParam, response: answers.DeadlineProofResponse })
  deadlineProof(@Param('tenderId') tenderId: string, @CurrentActor() actor: Actor): Promise<DeadlineProofResponse> {
    const where = `GET /api/audit/tenders/${tenderId}/deadline-proof`;
    return this.trail.answer(
      actor,
      { request: 'deadline_proof', where, subject: streamName('tender', tenderId), parameters: {} },
      () => this.queryBus.execute(new GetDeadlineProofQuery(tenderIdParam(tenderId, where))),
    );
  }

  /** The evidence pack as a .tar; `X-Manifest-Sha256` is the value to keep apart from it. */
  @Get('tenders/:tenderId/evidence')
  @Published({ params: TenderParam, produces: 'application/x-tar' })
  async evidence(
    @Param('tenderId') tenderId: string,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const where = `GET /api/audit/tenders/${tenderId}/evidence`;
    const pack = await this.trail.answer(
      actor,
      { request: 'evidence_pack', where, subject: streamName('tender', tenderId), parameters: {} },
      (actor) => this.queryBus.execute(new BuildEvidencePackQuery(tenderIdParam(tenderId, where), actor)),
    );
    response.setHeader('X-Manifest-Sha256', pack.manifestSha256);
    return new StreamableFile(pack.archive, {
      type: 'application/x-tar',
      disposition: `attachment; filename="${pack.fileName}"`,
      length: pack.archive.length,
    });
  }

  /** The stream folded with its decider up to `at`: a revision, an ISO time (store time) or head. */
  @Get('streams/:streamId/state')
  @Published({ params: StreamParam, query: StateParams, response: answers.StateAsOfResponse })
  state(
    @Param('streamId') streamId: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<StateAsOfResponse> {
    const where = `GET /api/audit/streams/${streamId}/state`;
    return this.trail.answer(
      actor,
      { request: 'state_as_of', where, subject: streamId, parameters: recordedParameters(query) },
      () => {
        const { at } = validate(StateParams, query, where);
        return this.queryBus.execute(
          new GetStateAsOfQuery(streamIdParam(streamId, where), parseMoment(at, where, 'at')),
        );
      },
    );
  }

  /** Fields and quote lines added, changed and removed between `from` and `to` (default head). */
  @Get('streams/:streamId/diff')
  @Published({ params: StreamParam, query: DiffParams, response: answers.StateDiffResponse })
  diff(
    @Param('streamId') streamId: string,
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
  ): Promise<StateDiffResponse> {
    const where = `GET /api/audit/streams/${streamId}/diff`;
    return this.trail.answer(
      actor,
      { request: 'state_diff', where, subject: streamId, parameters: recordedParameters(query) },
      () => {
        const { from, to } = validate(DiffParams, query, where);
        return this.queryBus.execute(
          new GetStateDiffQuery(
            streamIdParam(streamId, where),
            parseMoment(from, where, 'from'),
            parseMoment(to, where, 'to'),
          ),
        );
      },
    );
  }

  /** One stream's chain, recomputed by the store against its head record. */
  @Get('streams/:streamId/verify')
  @Published({ params: StreamParam, response: answers.AuditChainVerdict })
  verifyStream(@Param('streamId') streamId: string, @CurrentActor() actor: Actor): Promise<AuditChainVerdict> {
    const where = `GET /api/audit/streams/${streamId}/verify`;
    return this.trail.answer(actor, { request: 'verify_stream', where, subject: streamId, parameters: {} }, () =>
      this.queryBus.execute(new VerifyStreamQuery(streamIdParam(streamId, where))),
    );
  }

  /** Every chain of the store, and its `$all` ledger, with the throughput. */
  @Get('verify')
  @Published({ response: answers.StoreChainReport })
  verifyStore(@CurrentActor() actor: Actor): Promise<StoreChainReport> {
    return this.trail.answer(
      actor,
      { request: 'verify_store', where: 'GET /api/audit/verify', subject: '$all', parameters: {} },
      () => this.queryBus.execute(new VerifyStoreQuery()),
    );
  }

  /**
   * The scorecard and maturity exactly as they were at asOf, as canonical JSON: asked again
   * later, the same bytes. `X-Content-Sha256` is their hash, also kept in the audit log.
   */
  @Get('kpis')
  @Published({ query: KpiSnapshotParams, produces: 'application/json' })
  async kpis(
    @Query() query: Record<string, unknown>,
    @CurrentActor() actor: Actor,
    @Res({ passthrough: true }) response: Response,
  ): Promise<StreamableFile> {
    const where = 'GET /api/audit/kpis';
    const answer = await this.trail.answer(
      actor,
      { request: 'kpis_as_of', where, subject: 'kpis', parameters: recordedParameters(query) },
      () => {
        const p = validate(KpiSnapshotParams, query, where);
        const asOf = new Date(p.asOf);
        const period = p.period === undefined ? periodContaining(asOf, 'quarter') : periodParam(p.period, where);
        return this.queryBus.execute(
          new GetKpiSnapshotQuery({
            asOf,
            period,
            scope: scopeParam(p.scope, where),
            windowQuarters: p.window,
            threshold: p.threshold,
            definitionsAt: (at) => this.registry.definitions(at),
            fx: this.fx,
          }),
        );
      },
    );
    const bytes = Buffer.from(answer.canonical);
    response.setHeader('X-Content-Sha256', answer.sha256);
    return new StreamableFile(bytes, { type: 'application/json; charset=utf-8', length: bytes.length });
  }

  /** Who looked at which stream, when (admins only). Default: the last seven days. */
  @Get('reads')
  @Published({ query: AuditReadsParams, response: answers.AuditReadsResponse })
  @Allow('admin')
  reads(@Query() query: Record<string, unknown>, @CurrentActor() actor: Actor): Promise<AuditReadsResponse> {
    const where = 'GET /api/audit/reads';
    return this.trail.answer(
      actor,
      { request: 'audit_reads', where, subject: 'audit-log', parameters: recordedParameters(query) },
      () => {
        const p = validate(AuditReadsParams, query, where);
        const today = this.clock();
        const to = p.to ?? utcDay(today);
        const from = p.from ?? utcDay(new Date(Date.parse(`${to}T00:00:00Z`) - (DEFAULT_READS_DAYS - 1) * 86_400_000));
        return this.queryBus.execute(
          new ListAuditReadsQuery({
            from,
            to,
            ...(p.actorId === undefined ? {} : { actorId: p.actorId }),
            ...(p.stream === undefined ? {} : { stream: p.stream }),
          }),
        );
      },
    );
  }
}
