import { Controller, ForbiddenException, Get, Inject, Param, Query } from '@nestjs/common';
import type { AnalyticsStore } from '@presales/analytics';
import {
  MY_WORK_KINDS,
  PICKER_KINDS,
  type MyWorkItem,
  type MyWorkKind,
  type MyWorkResponse,
  type PickerResponse,
  type TenderBoardResponse,
  type TimeSheetResponse,
} from '@presales/contracts';
import { EntityId, IsoDate, validate } from '@presales/domain';
import { z } from 'zod';
import { SignedIn } from '../auth/access/access-rule.js';
import { CurrentPrincipal } from '../auth/access/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { ANALYTICS_STORE, CLOCK, type Clock } from '../infrastructure/tokens.js';
import { myWorkQueries, weekHoursSql, type MyWorkRow } from './my-work-sql.js';
import { pickerSql } from './picker-sql.js';
import { tenderBoardQueries, timeSheetSql } from './tender-board-sql.js';
import { tenderBoard, timeSheet, type TenderBoardRows } from './tender-board.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

const PickerParams = z.strictObject({
  kind: z.enum(PICKER_KINDS),
  q: z.string().max(100, 'must be at most 100 characters').optional(),
  opportunityId: EntityId.optional(),
  offset: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(0, 'must be at least 0')
    .max(10_000, 'must be at most 10000')
    .optional(),
  limit: z.coerce
    .number({ message: 'must be a number' })
    .int('must be a whole number')
    .min(1, 'must be at least 1')
    .max(50, 'must be at most 50')
    .optional(),
});

const TimeSheetParams = z.strictObject({
  week: IsoDate.optional().meta({ description: 'any day of the week (its Monday is used); this week when absent' }),
  consultantId: EntityId.optional().meta({
    description: 'whose time sheet: the signed-in person when absent; managers and admins may read anyone’s',
  }),
});

const DAY_MS = 86_400_000;

/** Monday 00:00 UTC of the week holding `now`. */
export function mondayOf(now: Date): number {
  const day = Date.UTC(now.getUTCFullYear(), now.getUTCMonth(), now.getUTCDate());
  return day - ((now.getUTCDay() + 6) % 7) * DAY_MS;
}

/**
 * The presales engineer's workspace reads: a form's reference pickers (ids and names, paged and
 * searched; the same records GET /api/<resource>/:id already shows any signed-in person) and the
 * signed-in person's own inbox. Both read the analytics tables, never the caller's SQL.
 */
@Controller('api/workspace')
export class WorkspaceController {
  constructor(
    @Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get('pickers/:kind')
  @Published({
    params: PickerParams.pick({ kind: true }),
    query: PickerParams.omit({ kind: true }),
    response: answers.PickerResponse,
  })
  @SignedIn()
  async pick(@Param('kind') kind: string, @Query() params: unknown): Promise<PickerResponse> {
    const query = validate(PickerParams, { ...(params as object), kind }, `GET /api/workspace/pickers/${kind}`);
    const limit = query.limit ?? 20;
    const rows = await this.analytics.query<{
      id: string;
      label: string;
      opportunity_id: string;
      product_line: string;
    }>(
      pickerSql({
        kind: query.kind,
        search: query.q?.trim() ?? '',
        opportunityId: query.opportunityId,
        offset: query.offset ?? 0,
        limit,
      }),
    );
    return {
      kind: query.kind,
      options: rows.slice(0, limit).map((row) => ({
        id: row.id,
        label: row.label,
        opportunityId: row.opportunity_id === '' ? null : row.opportunity_id,
        productLine: row.product_line === '' ? null : row.product_line,
      })),
      more: rows.length > limit,
    };
  }

  @Get('my-work')
  @Published({ response: answers.MyWorkResponse })
  @SignedIn()
  async myWork(@CurrentPrincipal() principal: Principal): Promise<MyWorkResponse> {
    const now = this.clock();
    const items: MyWorkItem[] = [];
    // Side by side: the store runs as many at once as its engine allows (capabilities.concurrentQueries).
    const answers = await Promise.all(
      myWorkQueries(principal.id, principal.role).map(async (query) => ({
        query,
        rows: await this.analytics.query<MyWorkRow>(query.sql),
      })),
    );
    for (const { query, rows } of answers) {
      for (const row of rows) {
        const dueMs = Number(row.due_ms);
        items.push({
          kind: query.kind,
          streamId: row.stream_id,
          itemId: row.item_id,
          opportunityId: row.opportunity_id === '' ? null : row.opportunity_id,
          detail: row.detail,
          dueAt: dueMs > 0 ? new Date(dueMs).toISOString() : null,
          overdue: dueMs > 0 && dueMs < now.getTime(),
          command: query.command,
          prefill: prefillOf(row, query.itemField),
        });
      }
    }
    items.sort(byUrgency);
    const counts = Object.fromEntries(
      MY_WORK_KINDS.map((kind) => [kind, items.filter((item) => item.kind === kind).length]),
    ) as Record<MyWorkKind, number>;
    const monday = mondayOf(now);
    const days = (
      await this.analytics.query<{ day: string; hours: number | string }>(weekHoursSql(principal.id, monday))
    ).map((row) => ({ date: row.day, hours: Number(row.hours) }));
    const totalHours = Math.round(days.reduce((sum, day) => sum + day.hours * 100, 0)) / 100;
    return {
      personId: principal.id,
      asOf: now.toISOString(),
      items,
      counts,
      week: { from: new Date(monday).toISOString().slice(0, 10), totalHours, days },
    };
  }

  /**
   * The tender board: every tender whose deadline is at most 30 days past, in the stage it has
   * reached, with its open war room's members and their load. Tenders' ids, issuers and
   * deadlines are what GET /api/tenders/:id already shows any signed-in person.
   */
  @Get('tender-board')
  @Published({ response: answers.TenderBoardResponse })
  @SignedIn()
  async tenderBoard(): Promise<TenderBoardResponse> {
    const now = this.clock();
    const queries = tenderBoardQueries(now.getTime());
    const entries = await Promise.all(
      Object.entries(queries).map(async ([name, sql]) => [name, await this.analytics.query(sql)] as const),
    );
    return tenderBoard(Object.fromEntries(entries) as unknown as TenderBoardRows, now);
  }

  /** A consultant's week of logged time by opportunity and category, the time sheet's grid. */
  @Get('time-sheet')
  @Published({ query: TimeSheetParams, response: answers.TimeSheetResponse })
  @SignedIn()
  async timeSheet(@CurrentPrincipal() principal: Principal, @Query() params: unknown): Promise<TimeSheetResponse> {
    const query = validate(TimeSheetParams, params, 'GET /api/workspace/time-sheet');
    const consultantId = query.consultantId ?? principal.id;
    checkTimeSheetReader(principal, consultantId);
    const monday = mondayOf(query.week === undefined ? this.clock() : new Date(`${query.week}T00:00:00Z`));
    const rows = await this.analytics.query<{ opportunity_id: string; category: string; day: string; hours: number }>(
      timeSheetSql(consultantId, monday),
    );
    return timeSheet(consultantId, monday, rows);
  }
}

/** A manager or admin may read anyone's time sheet; everyone else their own. */
function checkTimeSheetReader(principal: Principal, consultantId: string): void {
  if (consultantId !== principal.id && principal.role !== 'manager' && principal.role !== 'admin')
    throw new ForbiddenException(
      `GET /api/workspace/time-sheet: consultantId ${consultantId} is another person's; only managers and admins read other time sheets`,
    );
}

/** The form's first values: the record's id field and the item's own field. */
function prefillOf(row: MyWorkRow, itemField: string | undefined): Record<string, string> {
  const [category, ...rest] = row.stream_id.split('-');
  const idField = { opportunity: 'opportunityId', tender: 'tenderId', quote: 'quoteId', activity: 'activityId' }[
    category ?? ''
  ];
  const prefill: Record<string, string> = {};
  if (idField !== undefined) prefill[idField] = rest.join('-');
  if (itemField !== undefined) prefill[itemField] = row.item_id;
  return prefill;
}

/** Overdue first, then the soonest due; items without a due time last. */
function byUrgency(a: MyWorkItem, b: MyWorkItem): number {
  if (a.overdue !== b.overdue) return a.overdue ? -1 : 1;
  if (a.dueAt === null || b.dueAt === null) return a.dueAt === null ? (b.dueAt === null ? 0 : 1) : -1;
  return a.dueAt.localeCompare(b.dueAt);
}
