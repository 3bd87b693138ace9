import { describe, expect, it } from 'vitest';
import { tableReads } from './table-reads.js';

describe('tableReads', () => {
  it('counts each FROM <table> FINAL, the only way product SQL reads a table, across statements', () => {
    const reads = tableReads([
      'SELECT 1 FROM (SELECT * FROM tender_received FINAL PREWHERE recorded_at_ms <= 5) AS t WHERE entity_id IN (SELECT entity_id FROM (SELECT * FROM bid_decision_made FINAL) AS d)',
      'SELECT count() FROM (SELECT * FROM tender_received FINAL) AS t',
      "SELECT 'FROM nothing' AS unit_id FROM (SELECT 1) AS one",
      // Maturity's copy names the database; its count reads the copy, not the table (decision 0040).
      'CREATE TEMPORARY TABLE scratch_review_held AS SELECT * FROM presales.review_held FINAL PREWHERE recorded_at_ms <= 5',
      'SELECT count() FROM scratch_review_held AS r',
    ]);
    expect([...reads.entries()]).toEqual([
      ['tender_received', 2],
      ['bid_decision_made', 1],
      ['review_held', 1],
    ]);
  });
});
