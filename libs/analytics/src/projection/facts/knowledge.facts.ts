import { col } from '../fact-columns.js';
import { factTable } from '../fact-table.js';

/** asset-<id>, gap-<id>, process-<area> (DOMAIN.md): knowledge, product gaps, standards. */
export const KNOWLEDGE_FACTS = [
  factTable('KnowledgeAssetPublished', 'knowledge_asset_published', [
    col.text('asset_id', 'assetId'),
    col.text('kind', 'kind'),
    col.text('title', 'title'),
    col.list('product_lines', 'productLines'),
    col.text('owner_id', 'ownerId'),
  ]),
  factTable('KnowledgeAssetRevised', 'knowledge_asset_revised', [
    col.text('asset_version', 'version'),
    col.text('summary', 'summary'),
  ]),
  factTable('KnowledgeAssetRetired', 'knowledge_asset_retired', [col.text('reason', 'reason')]),
  factTable('ProductGapIdentified', 'product_gap_identified', [
    col.text('gap_id', 'gapId'),
    col.text('product_line', 'productLine'),
    col.text('title', 'title'),
    col.text('severity', 'severity'),
  ]),
  factTable('ProductGapClosed', 'product_gap_closed', [col.text('release', 'release')]),
  factTable('ProcessStandardPublished', 'process_standard_published', [
    col.text('area', 'area'),
    col.text('standard_version', 'version'),
    col.json('checklist', 'checklist'),
    col.count('checklist_items', 'checklist'),
  ]),
];
