import { AuditController } from './audit.controller.js';
import {
  BuildEvidencePackHandler,
  GetBidHistoryHandler,
  GetDeadlineProofHandler,
  GetStateAsOfHandler,
  GetStateDiffHandler,
  ListAuditReadsHandler,
  VerifyStoreHandler,
  VerifyStreamHandler,
} from './audit.handlers.js';
import { AuditLinks } from './audit-links.js';
import { AuditTrail } from './audit-trail.js';
import { GetKpiSnapshotHandler } from './kpi-snapshot.handler.js';
import { SearchRecordsHandler } from './record-search.handler.js';

/** What the audit API adds to AppModule: spread into its arrays (DESIGN.md conventions). */
export const AUDIT_CONTROLLERS = [AuditController];
export const AUDIT_QUERY_HANDLERS = [
  GetBidHistoryHandler,
  GetStateAsOfHandler,
  GetStateDiffHandler,
  GetDeadlineProofHandler,
  VerifyStreamHandler,
  VerifyStoreHandler,
  BuildEvidencePackHandler,
  GetKpiSnapshotHandler,
  ListAuditReadsHandler,
  SearchRecordsHandler,
];
export const AUDIT_PROVIDERS = [AuditTrail, AuditLinks];
