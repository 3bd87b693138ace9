import type { OpenSupportRequest } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';

/** Support requests waiting for someone: not acknowledged, their opportunity not closed; soonest due first. */
export async function openSupportRequests(store: AnalyticsStore, limit: number): Promise<OpenSupportRequest[]> {
  const rows = await store.query<{
    o: string;
    name: string;
    r: string;
    kind: string;
    line: string;
    at: number;
    due: number;
  }>(
    `SELECT entity_id AS o, name, request_id AS r, kind, product_line AS line, requested_ms AS at, due_at_ms AS due
FROM (
  SELECT entity_id, request_id, kind, product_line, occurred_at_ms AS requested_ms, due_at_ms FROM presales_support_requested FINAL
  WHERE (entity_id, request_id) NOT IN (SELECT entity_id, request_id FROM presales_support_acknowledged FINAL)
    AND entity_id NOT IN (SELECT entity_id FROM opportunity_won FINAL)
    AND entity_id NOT IN (SELECT entity_id FROM opportunity_lost FINAL)
    AND entity_id NOT IN (SELECT entity_id FROM opportunity_qualified_out FINAL)
) AS open_requests
ANY LEFT JOIN (SELECT entity_id, name FROM opportunity_registered FINAL) AS opportunity USING entity_id
ORDER BY due ASC, o, r
LIMIT ${sqlValue(limit)}`,
  );
  const iso = (ms: unknown) => new Date(Number(ms)).toISOString();
  return rows.map((r) => ({
    opportunityId: r.o,
    opportunityName: r.name,
    requestId: r.r,
    kind: r.kind,
    productLine: r.line,
    requestedAt: iso(r.at),
    dueAt: iso(r.due),
  }));
}
