import { Query } from '@nestjs/cqrs';
import type { SqlSchemaResponse } from '@presales/contracts';

/** The analytics tables with their meanings, sample values and example queries. */
export class GetSqlSchemaQuery extends Query<SqlSchemaResponse> {}
