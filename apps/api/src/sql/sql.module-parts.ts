import { ExportSqlHandler } from './export-sql.handler.js';
import { GetSqlSchemaHandler } from './get-sql-schema.handler.js';
import { RunSqlHandler } from './run-sql.handler.js';
import { SqlSchemaController } from './sql-schema.controller.js';
import { SqlController } from './sql.controller.js';
import { WORKBENCH_CONTROLLERS, WORKBENCH_PROVIDERS } from '../workbench/workbench.module-parts.js';

/** The analyst's SQL routes: run, export, schema, saved queries and history (decision 0030). */
export const SQL_CONTROLLERS = [SqlController, SqlSchemaController, ...WORKBENCH_CONTROLLERS];
export const SQL_PROVIDERS = WORKBENCH_PROVIDERS;
export const SQL_QUERY_HANDLERS = [RunSqlHandler, ExportSqlHandler, GetSqlSchemaHandler];
