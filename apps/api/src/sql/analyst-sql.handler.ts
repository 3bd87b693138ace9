import { Inject } from '@nestjs/common';
import type { AnalystAdmission, AnalystSession, SqlGate } from '@presales/analytics';
import { ANALYST_ADMISSION, ANALYST_SESSION, SQL_GATE } from '../infrastructure/tokens.js';

/**
 * What running and exporting an analyst's SELECT share: the admission that limits callers, the
 * gate it passes, the session it runs in (decisions 0024, 0030). A subclass says what it answers;
 * Nest injects these for it, as it has no constructor of its own.
 */
export abstract class AnalystSqlHandler {
  constructor(
    @Inject(ANALYST_SESSION) protected readonly session: AnalystSession,
    @Inject(SQL_GATE) protected readonly gate: SqlGate,
    @Inject(ANALYST_ADMISSION) protected readonly admission: AnalystAdmission,
  ) {}
}
