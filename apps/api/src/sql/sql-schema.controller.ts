import { Controller, Get } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { SqlSchemaResponse } from '@presales/contracts';
import { Allow, SQL_USERS } from '../auth/access/access-rule.js';
import { GetSqlSchemaQuery } from './get-sql-schema.query.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

/** The tables `POST /api/sql` reads, for the workbench's schema browser and completion. */
@Controller('api/sql/schema')
export class SqlSchemaController {
  constructor(private readonly queryBus: QueryBus) {}

  @Get()
  @Published({ response: answers.SqlSchemaResponse })
  @Allow(...SQL_USERS)
  schema(): Promise<SqlSchemaResponse> {
    return this.queryBus.execute(new GetSqlSchemaQuery());
  }
}
