import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { streamAnalystSql, type AnalystAdmission, type AnalystSession, type SqlGate } from '@presales/analytics';
import { ANALYST_ADMISSION, ANALYST_SESSION, SQL_GATE } from '../infrastructure/tokens.js';
import { ExportSqlQuery } from './export-sql.query.js';

@QueryHandler(ExportSqlQuery)
export class ExportSqlHandler implements IQueryHandler<ExportSqlQuery> {
  constructor(
    @Inject(ANALYST_SESSION) private readonly session: AnalystSession,
    @Inject(SQL_GATE) private readonly gate: SqlGate,
    @Inject(ANALYST_ADMISSION) private readonly admission: AnalystAdmission,
  ) {}

  /** Admitted, gated and started as a query is; resolves when the columns are known (decision 0030). */
  execute({ sql, callerId }: ExportSqlQuery) {
    return streamAnalystSql(this.admission, callerId, this.session, this.gate, sql);
  }
}
