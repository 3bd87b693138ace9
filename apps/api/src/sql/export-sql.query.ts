import type { AnalystRowStream } from '@presales/analytics';
import { AnalystSqlQuery } from './analyst-sql.query.js';

/** An analyst's SELECT to export: its rows as the engine writes them, the caller's slot held until they stop. */
export class ExportSqlQuery extends AnalystSqlQuery<AnalystRowStream> {}
