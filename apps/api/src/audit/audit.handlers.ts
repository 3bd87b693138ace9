import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  bidHistory,
  buildEvidencePack,
  deadlineProof,
  diffStates,
  listAuditReads,
  stateAsOf,
  verifyStoreChains,
  verifyStreamChain,
} from '@presales/audit';
import { streamName } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import { CLOCK, EVENT_STORE, type Clock } from '../infrastructure/tokens.js';
import { AuditLinks } from './audit-links.js';
import {
  BuildEvidencePackQuery,
  GetBidHistoryQuery,
  GetDeadlineProofQuery,
  GetStateAsOfQuery,
  GetStateDiffQuery,
  ListAuditReadsQuery,
  VerifyStoreQuery,
  VerifyStreamQuery,
} from './audit.queries.js';

/** The audit reads of the event store; each answer says which streams it was built from. */

@QueryHandler(GetBidHistoryQuery)
export class GetBidHistoryHandler implements IQueryHandler<GetBidHistoryQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    private readonly links: AuditLinks,
  ) {}

  async execute({ tenderId }: GetBidHistoryQuery) {
    const body = await bidHistory(this.store, tenderId, this.links.find);
    return { body, streams: body.streams.map((stream) => stream.streamId) };
  }
}

@QueryHandler(GetStateAsOfQuery)
export class GetStateAsOfHandler implements IQueryHandler<GetStateAsOfQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ streamId, moment }: GetStateAsOfQuery) {
    return { body: await stateAsOf(this.store, streamId, moment), streams: [streamId] };
  }
}

@QueryHandler(GetStateDiffQuery)
export class GetStateDiffHandler implements IQueryHandler<GetStateDiffQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ streamId, from, to }: GetStateDiffQuery) {
    return { body: await diffStates(this.store, streamId, from, to), streams: [streamId] };
  }
}

@QueryHandler(GetDeadlineProofQuery)
export class GetDeadlineProofHandler implements IQueryHandler<GetDeadlineProofQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ tenderId }: GetDeadlineProofQuery) {
    return { body: await deadlineProof(this.store, tenderId), streams: [streamName('tender', tenderId)] };
  }
}

@QueryHandler(VerifyStreamQuery)
export class VerifyStreamHandler implements IQueryHandler<VerifyStreamQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ streamId }: VerifyStreamQuery) {
    return { body: await verifyStreamChain(this.store, streamId), streams: [streamId] };
  }
}

@QueryHandler(VerifyStoreQuery)
export class VerifyStoreHandler implements IQueryHandler<VerifyStoreQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute() {
    // Every stream is read; the subject `$all` says so without listing them all.
    return { body: await verifyStoreChains(this.store), streams: [] };
  }
}

@QueryHandler(BuildEvidencePackQuery)
export class BuildEvidencePackHandler implements IQueryHandler<BuildEvidencePackQuery> {
  constructor(
    @Inject(EVENT_STORE) private readonly store: EventStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly links: AuditLinks,
  ) {}

  async execute({ tenderId, createdBy }: BuildEvidencePackQuery) {
    const pack = await buildEvidencePack(this.store, { tenderId, createdAt: this.clock(), createdBy }, this.links.find);
    // The manifest's hash goes into the audit log: the anchor a third party compares the pack with.
    return { body: pack, streams: pack.streams, answerSha256: pack.manifestSha256 };
  }
}

@QueryHandler(ListAuditReadsQuery)
export class ListAuditReadsHandler implements IQueryHandler<ListAuditReadsQuery> {
  constructor(@Inject(EVENT_STORE) private readonly store: EventStore) {}

  async execute({ query }: ListAuditReadsQuery) {
    const body = await listAuditReads(this.store, query);
    return { body, streams: body.chains.map((chain) => chain.streamId) };
  }
}
