import { ExportSqlHandler } from './export-sql.handler.js';
import { GetSqlSchemaHandler } from './get-sql-schema.handler.js';
import { RunSqlHandler } from './run-sql.handler.js';
import { SqlSchemaController } from './sql-schema.controller.js';
import { SqlController } from './sql.controller.js';

/** The analyst's SQL routes: run, export, schema (decision 0030). */
export const SQL_CONTROLLERS = [SqlController, SqlSchemaController];
export const SQL_QUERY_HANDLERS = [RunSqlHandler, ExportSqlHandler, GetSqlSchemaHandler];
