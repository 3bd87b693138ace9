import type { KpiContext } from '../model/context.js';
import { ratio } from '../model/stats.js';
import { inPeriod, tendersInScope } from '../model/units.js';

/** knowledge_reuse_rate — "ResponseSectionDrafted events in P | drafts with ≥1 reusedAssetId ÷ units". */
export function knowledgeReuseRate(ctx: KpiContext): number | null {
  const drafts = tendersInScope(ctx).flatMap((tender) => inPeriod(ctx, tender.drafts));
  return ratio(drafts.filter((draft) => draft.data.reusedAssetIds.length > 0).length, drafts.length);
}
