import { Body, Controller, Inject, Logger, Post, Res } from '@nestjs/common';
import { QueryBus } from '@nestjs/cqrs';
import { AnalystSqlRejectedError, type AnalystRowStream } from '@presales/analytics';
import type { QueryHistoryEntry, SqlResponse, SqlRowsResponse } from '@presales/contracts';
import { validate, type Actor } from '@presales/domain';
import type { Response } from 'express';
import { z } from 'zod';
import { Allow, SQL_USERS } from '../auth/access/access-rule.js';
import { CurrentActor } from '../auth/access/current-principal.decorator.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import {
  AnalystSqlMetrics,
  ANSWERED,
  CANCELLED,
  outcomeOfError,
  type AnalystSqlOutcome,
} from '../metrics/analyst-sql-metrics.js';
import { WORKBENCH_STORE } from '../workbench/workbench-tokens.js';
import type { WorkbenchStore } from '../workbench/workbench-store.js';
import { ExportSqlQuery } from './export-sql.query.js';
import { SQL_ANSWER_FORMATS, type SqlAnswerFormat } from './export/export-format.js';
import { writeExport } from './export/write-export.js';
import { RunSqlQuery } from './run-sql.query.js';
import { SqlText } from './sql-text.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

const SqlBody = z
  .strictObject({
    sql: SqlText,
    /**
     * `result` (default): the answer as JSON, a row an object; `rows`: the same answer, a row an
     * array of values (decision 0044); `csv` or `json`: a file, streamed (decision 0030).
     */
    format: z.enum(SQL_ANSWER_FORMATS).default('result'),
    /** CSV for Excel: a UTF-8 byte-order mark and formula-like text cells guarded. */
    excel: z.boolean().default(false),
  })
  .refine((body) => !body.excel || body.format === 'csv', { message: 'applies to format csv only', path: ['excel'] });

/** Ad-hoc, read-only SQL over the analytics tables (DESIGN.md decision 9). */
@Controller('api/sql')
export class SqlController {
  constructor(
    private readonly queryBus: QueryBus,
    @Inject(CLOCK) private readonly clock: Clock,
    @Inject(WORKBENCH_STORE) private readonly workbench: WorkbenchStore,
    private readonly metrics: AnalystSqlMetrics,
  ) {}

  private readonly logger = new Logger(SqlController.name);

  /**
   * The response is written here rather than returned: an export streams after the columns are
   * known. Anything thrown before that (a bad body, the gate, the limits, the engine's refusal)
   * is still answered by the exception filter as 4xx JSON. Each run the gate or the engine
   * answered goes into the caller's history (decision 0030), and every run into the metrics.
   */
  @Post()
  @Published({ body: SqlBody, response: z.union([answers.SqlResponse, answers.SqlRowsResponse]) })
  @Allow(...SQL_USERS)
  async run(@Body() body: unknown, @CurrentActor() actor: Actor, @Res() response: Response): Promise<void> {
    const { sql, format, excel } = validate(SqlBody, body ?? {}, 'POST /api/sql');
    const ranAt = this.clock();
    const started = performance.now();
    const remember = (outcome: QueryHistoryEntry['outcome']) =>
      this.workbench.recordRun(actor.id, { sql, ranAt: ranAt.toISOString(), format: historyFormat(format), outcome });
    const ended = (outcome: AnalystSqlOutcome) => this.metrics.ended(outcome, (performance.now() - started) / 1000);
    try {
      if (format === 'result' || format === 'rows') {
        const result = await this.queryBus.execute(new RunSqlQuery(sql, actor.id));
        const answer: SqlResponse | SqlRowsResponse =
          format === 'rows'
            ? { ...result, rows: valuesInColumnOrder(result), rowCount: result.rows.length }
            : { ...result, rowCount: result.rows.length };
        remember({ kind: 'ok', rowCount: answer.rowCount, elapsedMs: answer.elapsedMs });
        ended(ANSWERED);
        response.status(200).json(answer);
        return;
      }
      const stream: AnalystRowStream = await this.queryBus.execute(new ExportSqlQuery(sql, actor.id));
      const outcome = await writeExport(stream, { format, excel }, response, ranAt);
      if (outcome.kind === 'complete') {
        remember({ kind: 'ok', rowCount: outcome.rows, elapsedMs: this.clock().getTime() - ranAt.getTime() });
        ended(ANSWERED);
        return;
      }
      if (outcome.error instanceof AnalystSqlRejectedError)
        remember({ kind: 'refused', reason: outcome.error.message });
      // The answer's status was sent with the first rows: only the log says why the file ended early.
      else if (outcome.error !== undefined)
        this.logger.error(
          `an export by ${actor.id} failed after its first rows, the file is cut short: ${outcome.error instanceof Error ? outcome.error.message : String(outcome.error)}`,
        );
      ended(outcome.error === undefined ? CANCELLED : outcomeOfError(outcome.error));
    } catch (error) {
      if (error instanceof AnalystSqlRejectedError) remember({ kind: 'refused', reason: error.message });
      ended(outcomeOfError(error));
      throw error;
    }
  }
}

/** The history records what the caller got: an answer on screen (either shape) or a file. */
function historyFormat(format: SqlAnswerFormat): QueryHistoryEntry['format'] {
  return format === 'rows' ? 'result' : format;
}

/** Each row's values in the columns' order: the compact answer's rows. */
function valuesInColumnOrder(result: {
  readonly columns: readonly { readonly name: string }[];
  readonly rows: readonly Record<string, unknown>[];
}): unknown[][] {
  const names = result.columns.map((column) => column.name);
  return result.rows.map((row) => names.map((name) => row[name] ?? null));
}
