import { Inject } from '@nestjs/common';
import { QueryHandler, type IQueryHandler } from '@nestjs/cqrs';
import {
  describeAnalyticsSchema,
  EXAMPLE_QUERIES,
  sqlIdentifier,
  type AnalyticsStore,
  type DescribedTable,
} from '@presales/analytics';
import type { SqlSchemaResponse, SqlSchemaTable } from '@presales/contracts';
import { ANALYTICS_STORE } from '../infrastructure/tokens.js';
import { GetSqlSchemaQuery } from './get-sql-schema.query.js';
import { SAMPLE_ROWS, sampleValues } from './sample-values.js';

/** Described once: the definitions are the code's, so they cannot change while the platform runs. */
const SCHEMA = describeAnalyticsSchema();

@QueryHandler(GetSqlSchemaQuery)
export class GetSqlSchemaHandler implements IQueryHandler<GetSqlSchemaQuery> {
  constructor(@Inject(ANALYTICS_STORE) private readonly store: AnalyticsStore) {}

  /** The platform's own SQL (names from the definitions), on its store, not an analyst worker: milliseconds a table. */
  async execute(): Promise<SqlSchemaResponse> {
    const tables = await Promise.all(SCHEMA.map((table) => this.withSamples(table)));
    return { tables, examples: EXAMPLE_QUERIES.map(({ id, title, sql }) => ({ id, title, sql })) };
  }

  private async withSamples(table: DescribedTable): Promise<SqlSchemaTable> {
    const name = sqlIdentifier(table.name);
    const [counted] = await this.store.query<{ n: number | string }>(`SELECT count() AS n FROM ${name}`);
    const rows = await this.store.query<Record<string, unknown>>(`SELECT * FROM ${name} LIMIT ${SAMPLE_ROWS}`);
    const samples = sampleValues(
      table.columns.map((column) => column.name),
      rows,
    );
    return {
      ...table,
      rows: Number(counted?.n ?? 0),
      columns: table.columns.map((column) => ({ ...column, samples: samples.get(column.name) ?? [] })),
    };
  }
}
