import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import { runAnalystSql, type AnalystSession } from '@presales/analytics';
import { ANALYST_SESSION } from '../infrastructure/tokens.js';
import { RunSqlQuery } from './run-sql.query.js';

@QueryHandler(RunSqlQuery)
export class RunSqlHandler implements IQueryHandler<RunSqlQuery> {
  constructor(@Inject(ANALYST_SESSION) private readonly session: AnalystSession) {}

  execute({ sql }: RunSqlQuery) {
    return runAnalystSql(this.session, sql);
  }
}
