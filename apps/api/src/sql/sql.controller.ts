import { Body, Controller, HttpCode, Post } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import type { SqlResponse } from '@presales/contracts';
import { validate, type Actor } from '@presales/domain';
import { z } from 'zod';
import { Allow, SQL_USERS } from '../auth/access/access-rule.js';
import { CurrentActor } from '../auth/access/current-principal.decorator.js';
import { RunSqlQuery } from './run-sql.query.js';

/** Half of a UTF-16 pair without the other: not text, and the engine would read U+FFFD instead. */
const LONE_SURROGATE = /[\ud800-\udbff](?![\udc00-\udfff])|(?<![\ud800-\udbff])[\udc00-\udfff]/;

const SqlBody = z.strictObject({
  sql: z
    .string()
    .min(1, 'must not be empty')
    .max(100_000, 'must be at most 100,000 characters')
    .refine((sql) => !LONE_SURROGATE.test(sql), 'must be text: it holds half of a UTF-16 surrogate pair'),
});

/** Ad-hoc, read-only SQL over the analytics tables (DESIGN.md decision 9). */
@Controller('api/sql')
export class SqlController {
  constructor(private readonly queryBus: QueryBus) {}

  @Post()
  @Allow(...SQL_USERS)
  @HttpCode(200)
  async run(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<SqlResponse> {
    const { sql } = validate(SqlBody, body ?? {}, 'POST /api/sql');
    const result = await this.queryBus.execute(new RunSqlQuery(sql, actor.id));
    return { ...result, rowCount: result.rows.length };
  }
}
