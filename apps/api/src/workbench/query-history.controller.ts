import { Controller, Get, Inject, Query } from '@nestjs/common';
import type { QueryHistoryResponse } from '@presales/contracts';
import { validate } from '@presales/domain';
import { z } from 'zod';
import { Allow, SQL_USERS } from '../auth/access/access-rule.js';
import { CurrentPrincipal } from '../auth/access/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { HISTORY_KEPT, type WorkbenchStore } from './workbench-store.js';
import { WORKBENCH_STORE } from './workbench-tokens.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

const HistoryParams = z.object({
  limit: z.coerce
    .number()
    .int()
    .min(1, 'must be at least 1')
    .max(HISTORY_KEPT, `must be at most ${HISTORY_KEPT}`)
    .default(50),
});

/** The caller's own runs of POST /api/sql, newest first: nobody sees another's history. */
@Controller('api/sql/history')
export class QueryHistoryController {
  constructor(@Inject(WORKBENCH_STORE) private readonly store: WorkbenchStore) {}

  @Get()
  @Published({ query: HistoryParams, response: answers.QueryHistoryResponse })
  @Allow(...SQL_USERS)
  history(@Query() params: unknown, @CurrentPrincipal() principal: Principal): QueryHistoryResponse {
    const { limit } = validate(HistoryParams, params ?? {}, 'GET /api/sql/history');
    return { entries: this.store.history(principal.id, limit) };
  }
}
