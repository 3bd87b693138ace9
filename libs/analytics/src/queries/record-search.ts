import type { FoundBid } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';

/**
 * Finding the bid a dispute is about: a tender by its id or issuer, or through its opportunity
 * (id, name, customer) or one of its quotes (id). The analytics tables only point at the bid;
 * everything an auditor then reads about it comes from the event store (docs/audit.md).
 */
export interface RecordSearch {
  /** Matched anywhere in the fields, case-insensitively. */
  readonly text: string;
  /** From 0. */
  readonly offset: number;
  readonly limit: number;
}

export interface RecordSearchResult {
  readonly tenders: readonly FoundBid[];
  /** Whether a further page has at least one tender. */
  readonly more: boolean;
}

/** `positionCaseInsensitiveUTF8` is in both engines (DESIGN.md decision 8); LIKE would need its wildcards escaped too. */
function contains(column: string, needle: string): string {
  return `positionCaseInsensitiveUTF8(${column}, ${needle}) > 0`;
}

/** The tenders matching, one page (plus one row to tell whether there is more), in tender id order. */
export function recordSearchSql(search: RecordSearch): string {
  const needle = sqlValue(search.text);
  const opportunities = `SELECT opportunity_id FROM opportunity_registered FINAL WHERE ${['opportunity_id', 'name', 'customer'].map((c) => contains(c, needle)).join(' OR ')}`;
  const quotes = `FROM quote_drafted FINAL WHERE ${contains('quote_id', needle)}`;
  return [
    'SELECT tender_id, opportunity_id, kind, issuer, deadline_ms',
    'FROM tender_received FINAL',
    `WHERE ${contains('tender_id', needle)} OR ${contains('issuer', needle)}`,
    `   OR opportunity_id IN (${opportunities})`,
    `   OR tender_id IN (SELECT tender_id ${quotes})`,
    `   OR opportunity_id IN (SELECT opportunity_id ${quotes})`,
    'ORDER BY tender_id',
    `LIMIT ${sqlValue(search.offset)}, ${sqlValue(search.limit + 1)}`,
  ].join('\n');
}

/** The opportunities and quotes of a page of tenders, to show what each one is. */
function contextSql(
  opportunityIds: readonly string[],
  tenderIds: readonly string[],
): { opportunities: string; quotes: string } {
  const list = (values: readonly string[]) => values.map(sqlValue).join(', ');
  return {
    opportunities: `SELECT opportunity_id, name, customer FROM opportunity_registered FINAL WHERE opportunity_id IN (${list(opportunityIds)})`,
    quotes: `SELECT quote_id, opportunity_id, tender_id FROM quote_drafted FINAL WHERE tender_id IN (${list(tenderIds)}) OR opportunity_id IN (${list(opportunityIds)}) ORDER BY quote_id`,
  };
}

type TenderRow = { tender_id: string; opportunity_id: string; kind: string; issuer: string; deadline_ms: number };

export async function searchRecords(
  store: Pick<AnalyticsStore, 'query'>,
  search: RecordSearch,
): Promise<RecordSearchResult> {
  const rows = await store.query<TenderRow>(recordSearchSql(search));
  const page = rows.slice(0, search.limit);
  if (page.length === 0) return { tenders: [], more: false };
  const opportunityIds = [...new Set(page.map((row) => row.opportunity_id))];
  const sql = contextSql(
    opportunityIds,
    page.map((row) => row.tender_id),
  );
  const [opportunities, quotes] = await Promise.all([
    store.query<{ opportunity_id: string; name: string; customer: string }>(sql.opportunities),
    store.query<{ quote_id: string; opportunity_id: string; tender_id: string }>(sql.quotes),
  ]);
  const opportunity = new Map(opportunities.map((row) => [row.opportunity_id, row]));
  return {
    tenders: page.map((row) => ({
      tenderId: row.tender_id,
      opportunityId: row.opportunity_id,
      kind: row.kind,
      issuer: row.issuer,
      deadline: new Date(Number(row.deadline_ms)).toISOString(),
      opportunityName: opportunity.get(row.opportunity_id)?.name ?? '',
      customer: opportunity.get(row.opportunity_id)?.customer ?? '',
      // The quotes a bid's history links (libs/audit link index): naming the tender or its opportunity.
      quoteIds: [
        ...new Set(
          quotes
            .filter((q) => q.tender_id === row.tender_id || q.opportunity_id === row.opportunity_id)
            .map((q) => q.quote_id),
        ),
      ],
    })),
    more: rows.length > search.limit,
  };
}
