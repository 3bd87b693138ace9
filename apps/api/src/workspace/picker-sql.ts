import { sqlValue } from '@presales/analytics';
import type { PickerKind } from '@presales/contracts';

/** Where a picker's records are: a fact table's id, label and opportunity, in the common SQL dialect. */
interface PickerSource {
  readonly table: string;
  readonly id: string;
  readonly label: string;
  readonly opportunity: string;
  /** The product line the record is about, '' when it has none. */
  readonly productLine?: string;
  /** Records that left the list (a retired asset, a closed gap): `entity_id NOT IN (…)`. */
  readonly gone?: string;
}

const SOURCES: Readonly<Record<PickerKind, PickerSource>> = {
  opportunities: {
    table: 'opportunity_registered',
    id: 'entity_id',
    label: "concat(name, ' · ', customer)",
    opportunity: 'entity_id',
    productLine: 'arrayElement(product_lines, 1)',
  },
  tenders: {
    table: 'tender_received',
    id: 'entity_id',
    label: "concat(issuer, ' · ', kind)",
    opportunity: 'opportunity_id',
  },
  consultants: {
    table: 'consultant_onboarded',
    id: 'entity_id',
    label: 'name',
    opportunity: "''",
    gone: 'SELECT entity_id FROM consultant_offboarded FINAL',
  },
  assets: {
    table: 'knowledge_asset_published',
    id: 'entity_id',
    label: "concat(title, ' · ', kind)",
    opportunity: "''",
    gone: 'SELECT entity_id FROM knowledge_asset_retired FINAL',
  },
  gaps: {
    table: 'product_gap_identified',
    id: 'entity_id',
    label: "concat(title, ' · ', severity)",
    opportunity: "''",
    productLine: 'product_line',
    gone: 'SELECT entity_id FROM product_gap_closed FINAL',
  },
  activities: {
    table: 'activity_scheduled',
    id: 'entity_id',
    label: "concat(kind, ' · ', toString(scheduled_for))",
    opportunity: 'opportunity_id',
  },
  quotes: {
    table: 'quote_drafted',
    id: 'entity_id',
    label: "concat(quote_id, ' · ', currency)",
    opportunity: 'opportunity_id',
  },
  teams: { table: 'team_formed', id: 'entity_id', label: 'name', opportunity: "''" },
  requirements: {
    table: 'requirement_captured',
    id: 'requirement_id',
    label: "concat(title, ' · ', priority)",
    opportunity: 'entity_id',
  },
  'support-requests': {
    table: 'presales_support_requested',
    id: 'request_id',
    label: "concat(kind, ' · ', product_line)",
    opportunity: 'entity_id',
    productLine: 'product_line',
  },
  'war-rooms': {
    table: 'war_room_opened',
    id: 'entity_id',
    label: "concat(war_room_id, ' · ', tender_id)",
    opportunity: 'opportunity_id',
  },
};

export interface PickerQuery {
  readonly kind: PickerKind;
  /** Matched anywhere in the id or the label, ignoring case. */
  readonly search: string;
  readonly opportunityId: string | undefined;
  readonly offset: number;
  /** One more row than this is asked for, to know whether there are more. */
  readonly limit: number;
}

/**
 * The newest records first. `LIMIT offset, count` and positionCaseInsensitiveUTF8 read the same on
 * ClickHouse 18.16 and chDB (DESIGN.md decision 8); every value is inlined through sqlValue.
 */
export function pickerSql(query: PickerQuery): string {
  const source = SOURCES[query.kind];
  const where = [
    query.search === ''
      ? undefined
      : `positionCaseInsensitiveUTF8(concat(${source.id}, ' ', ${source.label}), ${sqlValue(query.search)}) > 0`,
    query.opportunityId === undefined ? undefined : `${source.opportunity} = ${sqlValue(query.opportunityId)}`,
    source.gone === undefined ? undefined : `entity_id NOT IN (${source.gone})`,
  ].filter((part): part is string => part !== undefined);
  return [
    `SELECT ${source.id} AS id, ${source.label} AS label, ${source.opportunity} AS opportunity_id, ${source.productLine ?? "''"} AS product_line`,
    `FROM ${source.table} FINAL`,
    where.length === 0 ? '' : `WHERE ${where.join(' AND ')}`,
    `ORDER BY occurred_at_ms DESC, id`,
    `LIMIT ${query.offset}, ${query.limit + 1}`,
  ]
    .filter((line) => line !== '')
    .join('\n');
}
