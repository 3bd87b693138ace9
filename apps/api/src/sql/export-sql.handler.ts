import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { streamAnalystSql } from '@presales/analytics';
import { AnalystSqlHandler } from './analyst-sql.handler.js';
import { ExportSqlQuery } from './export-sql.query.js';

@QueryHandler(ExportSqlQuery)
export class ExportSqlHandler extends AnalystSqlHandler implements IQueryHandler<ExportSqlQuery> {
  /** Admitted, gated and started as a query is; resolves when the columns are known (decision 0030). */
  execute({ sql, callerId }: ExportSqlQuery) {
    return streamAnalystSql(this.admission, callerId, this.session, this.gate, sql);
  }
}
