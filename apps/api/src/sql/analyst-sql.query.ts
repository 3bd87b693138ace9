import { Query } from '@nestjs/cqrs';

/** An analyst's SELECT, to run or to export: what each answers is the subclass's. */
export abstract class AnalystSqlQuery<Answer> extends Query<Answer> {
  constructor(
    readonly sql: string,
    /** Whose query it is, for the per-caller limit: the acting principal's id. */
    readonly callerId: string,
  ) {
    super();
  }
}
