import { Query } from '@nestjs/cqrs';
import type {
  AuditReadsAnswer,
  AuditReadsQuery,
  BidHistory,
  ChainVerdict,
  DeadlineProof,
  EvidencePack,
  KpiSnapshotAnswer,
  KpiSnapshotRequest,
  Moment,
  StateAsOf,
  StateDiff,
  StoreChainReport,
} from '@presales/audit';
import type { Actor } from '@presales/domain';
import type { AuditedAnswer } from './audit-trail.js';

export class GetBidHistoryQuery extends Query<AuditedAnswer<BidHistory>> {
  constructor(readonly tenderId: string) {
    super();
  }
}

export class GetStateAsOfQuery extends Query<AuditedAnswer<StateAsOf>> {
  constructor(
    readonly streamId: string,
    readonly moment: Moment,
  ) {
    super();
  }
}

export class GetStateDiffQuery extends Query<AuditedAnswer<StateDiff>> {
  constructor(
    readonly streamId: string,
    readonly from: Moment,
    readonly to: Moment,
  ) {
    super();
  }
}

export class GetDeadlineProofQuery extends Query<AuditedAnswer<DeadlineProof>> {
  constructor(readonly tenderId: string) {
    super();
  }
}

export class VerifyStreamQuery extends Query<AuditedAnswer<ChainVerdict>> {
  constructor(readonly streamId: string) {
    super();
  }
}

export class VerifyStoreQuery extends Query<AuditedAnswer<StoreChainReport>> {}

export class BuildEvidencePackQuery extends Query<AuditedAnswer<EvidencePack>> {
  constructor(
    readonly tenderId: string,
    readonly createdBy: Actor,
  ) {
    super();
  }
}

export class GetKpiSnapshotQuery extends Query<AuditedAnswer<KpiSnapshotAnswer>> {
  constructor(readonly request: KpiSnapshotRequest) {
    super();
  }
}

export class ListAuditReadsQuery extends Query<AuditedAnswer<AuditReadsAnswer>> {
  constructor(readonly query: AuditReadsQuery) {
    super();
  }
}
