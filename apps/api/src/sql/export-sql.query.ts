import { Query } from '@nestjs/cqrs';
import type { AnalystRowStream } from '@presales/analytics';

/** An analyst's SELECT to export: its rows as the engine writes them, the caller's slot held until they stop. */
export class ExportSqlQuery extends Query<AnalystRowStream> {
  constructor(
    readonly sql: string,
    /** Whose query it is, for the per-caller limit: the acting principal's id. */
    readonly callerId: string,
  ) {
    super();
  }
}
