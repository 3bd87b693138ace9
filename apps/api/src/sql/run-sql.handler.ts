import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { runAnalystSql, type AnalystAdmission, type AnalystSession, type SqlGate } from '@presales/analytics';
import { ANALYST_ADMISSION, ANALYST_SESSION, SQL_GATE } from '../infrastructure/tokens.js';
import { RunSqlQuery } from './run-sql.query.js';

@QueryHandler(RunSqlQuery)
export class RunSqlHandler implements IQueryHandler<RunSqlQuery> {
  constructor(
    @Inject(ANALYST_SESSION) private readonly session: AnalystSession,
    @Inject(SQL_GATE) private readonly gate: SqlGate,
    @Inject(ANALYST_ADMISSION) private readonly admission: AnalystAdmission,
  ) {}

  /** Admitted under the caller's and the platform's limits, then gated, then run (decision 0024). */
  execute({ sql, callerId }: RunSqlQuery) {
    return this.admission.run(callerId, () => runAnalystSql(this.session, this.gate, sql));
  }
}
