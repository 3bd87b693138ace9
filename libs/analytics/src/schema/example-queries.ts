import { say, type Bilingual } from './meanings/bilingual.js';

export interface ExampleQuery {
  readonly id: string;
  readonly title: Bilingual;
  /** Runs unchanged through the gate on chDB and on ClickHouse 18.16 (tested in the store contract). */
  readonly sql: string;
}

/**
 * Queries a newcomer can start from, shown in the workbench's schema browser and published at
 * `GET /api/sql/schema`. Common dialect only (decision 8): no JOIN without ANY/ALL, which 18.16
 * requires; FINAL on the fact tables, which may hold a replayed row twice until merged.
 */
export const EXAMPLE_QUERIES: readonly ExampleQuery[] = [
  {
    id: 'tenders-by-kind',
    title: say('Tenders received, by kind', '按类型统计收到的招标'),
    sql: 'SELECT kind, count() AS n FROM tender_received FINAL GROUP BY kind ORDER BY kind',
  },
  {
    id: 'late-bids',
    title: say('Bids submitted after the deadline', '截止时间之后递交的投标'),
    sql: 'SELECT entity_id AS tender_id, channel, occurred_at AS submitted_at, intDiv(occurred_at_ms - tender_deadline_ms, 60000) AS minutes_late FROM bid_submitted FINAL WHERE occurred_at_ms > tender_deadline_ms ORDER BY submitted_at',
  },
  {
    id: 'win-rate-by-region',
    title: say('Opportunities registered and won, by region', '按区域统计登记和赢单的商机'),
    sql: 'SELECT region, count() AS registered, countIf(entity_id IN (SELECT entity_id FROM opportunity_won FINAL)) AS won FROM opportunity_registered FINAL GROUP BY region ORDER BY region',
  },
  {
    id: 'hours-by-month',
    title: say('Hours logged, by month and category', '按月份和类别统计登记工时'),
    sql: 'SELECT toStartOfMonth(work_date) AS month, category, sum(hours) AS hours FROM time_logged FINAL GROUP BY month, category ORDER BY month, category',
  },
  {
    id: 'events-by-type',
    title: say('Events recorded, by type', '按类型统计已记录的事件'),
    sql: 'SELECT type, count() AS events, max(recorded_at) AS last_recorded FROM events FINAL GROUP BY type ORDER BY events DESC, type',
  },
];
