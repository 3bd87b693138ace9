import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { SqlResponse } from '@presales/contracts';
import { validate } from '@presales/domain';
import { z } from 'zod';
import { Allow, SQL_USERS } from '../auth/access/access-rule.js';
import { RunSqlQuery } from './run-sql.query.js';

const SqlBody = z.strictObject({ sql: z.string().min(1, 'must not be empty').max(100_000, 'must be at most 100,000 characters') });

/** Ad-hoc, read-only SQL over the analytics tables (DESIGN.md decision 9). */
@Controller('api/sql')
export class SqlController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post()
  @Allow(...SQL_USERS)
  @HttpCode(200)
  async run(@Body() body: unknown): Promise<SqlResponse> {
    const { sql } = validate(SqlBody, body ?? {}, 'POST /api/sql');
    const result = await this.queryBus.execute(new RunSqlQuery(sql));
    return { ...result, rowCount: result.rows.length };
  }
}
