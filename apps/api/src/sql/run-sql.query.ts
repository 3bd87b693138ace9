import type { AnalystResult } from '@presales/analytics';
import { AnalystSqlQuery } from './analyst-sql.query.js';

/** An analyst's SELECT to run: its rows, up to the platform's limits. */
export class RunSqlQuery extends AnalystSqlQuery<AnalystResult> {}
