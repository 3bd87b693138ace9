import type { AssetDetailResponse, AssetReuse, AssetVersion, DealOutcome } from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';
import {
  ASSET_COLUMNS,
  assetStateSql,
  staleBeforeMs,
  toLibraryAsset,
  type AssetRow,
  type Staleness,
} from './library-assets.js';

/** The reuses listed, newest first; the figures count them all. */
export const MAX_REUSES_LISTED = 200;

const num = (value: unknown) => Number(value ?? 0);
const iso = (ms: unknown) => new Date(num(ms)).toISOString();
const list = (ids: readonly string[]) => `(${ids.length === 0 ? "''" : ids.map((id) => sqlValue(id)).join(', ')})`;

/** One asset with its versions, where it was reused and how those deals ended; null when never published. */
export async function assetDetail(
  store: AnalyticsStore,
  assetId: string,
  staleness: Staleness,
): Promise<AssetDetailResponse | null> {
  const id = sqlValue(assetId);
  const [rows, versions, retired, sections, activities] = await Promise.all([
    store.query<AssetRow>(
      assetStateSql({ published: [`entity_id = ${id}`], revised: [`entity_id = ${id}`], state: [] }, '', ASSET_COLUMNS),
    ),
    store.query<{ version: string; summary: string; at: number; by: string }>(
      `SELECT asset_version AS version, summary, occurred_at_ms AS at, actor_id AS by FROM knowledge_asset_revised FINAL WHERE entity_id = ${id} ORDER BY position DESC`,
    ),
    store.query<{ reason: string }>(
      `SELECT reason FROM knowledge_asset_retired FINAL WHERE entity_id = ${id} ORDER BY position LIMIT 1`,
    ),
    store.query<{ tender: string; section: string; at: number }>(
      `SELECT entity_id AS tender, section_id AS section, occurred_at_ms AS at FROM response_section_drafted FINAL WHERE has(reused_asset_ids, ${id}) ORDER BY at DESC, position DESC`,
    ),
    store.query<{ activity: string; o: string; at: number }>(
      `SELECT entity_id AS activity, opportunity_id AS o, occurred_at_ms AS at FROM activity_completed FINAL WHERE has(used_asset_ids, ${id}) ORDER BY at DESC, position DESC`,
    ),
  ]);
  const row = rows[0];
  if (row === undefined) return null;
  const tenders = [...new Set(sections.map((s) => s.tender))];
  const tenderOpportunity = new Map(
    (
      await store.query<{ t: string; o: string }>(
        `SELECT entity_id AS t, opportunity_id AS o FROM tender_received FINAL WHERE entity_id IN ${list(tenders)}`,
      )
    ).map((r) => [r.t, r.o]),
  );
  const opportunities = [...new Set([...tenderOpportunity.values(), ...activities.map((a) => a.o)])];
  const [won, lost] = await Promise.all(
    ['opportunity_won', 'opportunity_lost'].map(
      async (table) =>
        new Set(
          (
            await store.query<{ o: string }>(
              `SELECT DISTINCT entity_id AS o FROM ${table} FINAL WHERE entity_id IN ${list(opportunities)}`,
            )
          ).map((r) => r.o),
        ),
    ),
  );
  const outcome = (opportunityId: string): DealOutcome =>
    won!.has(opportunityId) ? 'won' : lost!.has(opportunityId) ? 'lost' : 'open';
  const reuses: AssetReuse[] = [
    ...sections.map((s): AssetReuse => {
      const opportunityId = tenderOpportunity.get(s.tender) ?? '';
      return {
        kind: 'section',
        tenderId: s.tender,
        sectionId: s.section,
        opportunityId,
        at: iso(s.at),
        outcome: outcome(opportunityId),
      };
    }),
    ...activities.map((a): AssetReuse => ({
      kind: 'activity',
      activityId: a.activity,
      opportunityId: a.o,
      at: iso(a.at),
      outcome: outcome(a.o),
    })),
  ].sort((a, b) => b.at.localeCompare(a.at));
  const servedWon = opportunities.filter((o) => won!.has(o)).length;
  const servedLost = opportunities.filter((o) => lost!.has(o)).length;
  const history: AssetVersion[] = versions.map((v) => ({
    version: v.version,
    summary: v.summary,
    revisedAt: iso(v.at),
    revisedBy: v.by,
  }));
  return {
    asset: toLibraryAsset(row, sections.length + activities.length, staleBeforeMs(staleness)),
    retiredReason: retired[0]?.reason ?? null,
    versions: history,
    reuses: reuses.slice(0, MAX_REUSES_LISTED),
    figures: {
      sections: sections.length,
      activities: activities.length,
      won: servedWon,
      lost: servedLost,
      winRate: servedWon + servedLost === 0 ? null : servedWon / (servedWon + servedLost),
    },
  };
}
