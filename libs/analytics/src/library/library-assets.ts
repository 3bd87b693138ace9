import type {
  AssetKindOption,
  LibraryAsset,
  LibrarySearchResponse,
  AssetSuggestionsResponse,
} from '@presales/contracts';
import type { AnalyticsStore } from '../analytics-store.port.js';
import { sqlValue } from '../sql/escape.js';
import { searchWords } from './search-words.js';

export type AssetStatus = 'active' | 'retired' | 'any';
export type AssetFreshness = 'fresh' | 'stale' | 'any';

export interface LibrarySearch {
  readonly text: string;
  readonly productLine?: string;
  readonly kind?: AssetKindOption;
  readonly ownerId?: string;
  readonly status: AssetStatus;
  readonly freshness: AssetFreshness;
  readonly offset: number;
  readonly limit: number;
}

export interface Staleness {
  readonly now: Date;
  /** An asset not revised (or, never revised, not published) in this many months is stale. */
  readonly staleAfterMonths: number;
}

/** The instant before which an asset's last revision makes it stale. */
export function staleBeforeMs({ now, staleAfterMonths }: Staleness): number {
  const cutoff = new Date(now.getTime());
  cutoff.setUTCMonth(cutoff.getUTCMonth() - staleAfterMonths);
  return cutoff.getTime();
}

interface AssetRow {
  id: string;
  kind: AssetKindOption;
  title: string;
  lines: string[];
  owner: string;
  published_ms: number;
  version: string;
  summary: string;
  revised_ms: number;
  retired: number;
}

/** A word with no upper and lower case (Chinese, digits): lowering the column cannot change whether it is found. */
const caseless = (word: string) => word.toLowerCase() === word.toUpperCase();

/**
 * Whether `column` contains `word`, ignoring case. A caseless word is looked for in the column as
 * it is: lowering every title and summary of the library (a new string per row and word) was most
 * of a Chinese search's time.
 */
const found = (column: string, word: string) =>
  caseless(word)
    ? `position(${column}, ${sqlValue(word)}) > 0`
    : `position(lowerUTF8(${column}), lowerUTF8(${sqlValue(word)})) > 0`;

/**
 * Every asset with its latest revision, in the common dialect: one JOIN per SELECT (ClickHouse
 * 18.16), an unmatched ANY LEFT JOIN gives '' and 0, hence `fresh_ms` falls back to publication.
 */
export function assetStateSql(
  where: { published: string[]; state: string[]; revised?: string[] },
  tail: string,
  columns = '*',
): string {
  const published = where.published.length === 0 ? '' : `\n    WHERE ${where.published.join(' AND ')}`;
  const revisedWhere =
    where.revised === undefined || where.revised.length === 0 ? '' : ` WHERE ${where.revised.join(' AND ')}`;
  const state = where.state.length === 0 ? '' : `\nWHERE ${where.state.join(' AND ')}`;
  return `SELECT ${columns} FROM (
  SELECT entity_id AS id, kind, title, lines, owner, published_ms, version, summary, if(revised_ms = 0, published_ms, revised_ms) AS revised_ms, retired
  FROM (
    SELECT entity_id, kind, title, product_lines AS lines, owner_id AS owner, occurred_at_ms AS published_ms,
      toUInt8(entity_id IN (SELECT entity_id FROM knowledge_asset_retired FINAL)) AS retired
    FROM knowledge_asset_published FINAL${published}
  ) AS published
  ANY LEFT JOIN (
    SELECT entity_id, argMax(asset_version, position) AS version, argMax(summary, position) AS summary, max(occurred_at_ms) AS revised_ms
    FROM knowledge_asset_revised FINAL${revisedWhere} GROUP BY entity_id
  ) AS revised USING entity_id
) AS asset${state}${tail}`;
}

const num = (value: unknown) => Number(value ?? 0);

/** How often each asset was reused: sections drafted with it and activities completed with it. */
export async function reuseCounts(store: AnalyticsStore, assetIds: readonly string[]): Promise<Map<string, number>> {
  if (assetIds.length === 0) return new Map();
  const ids = `[${assetIds.map((id) => sqlValue(id)).join(', ')}]`;
  const rows = await store.query<{ id: string; n: number }>(
    `SELECT id, count() AS n FROM (
  SELECT arrayJoin(reused_asset_ids) AS id FROM response_section_drafted FINAL WHERE hasAny(reused_asset_ids, ${ids})
  UNION ALL SELECT arrayJoin(used_asset_ids) AS id FROM activity_completed FINAL WHERE hasAny(used_asset_ids, ${ids})
) AS reuse WHERE has(${ids}, id) GROUP BY id`,
  );
  return new Map(rows.map((r) => [r.id, num(r.n)]));
}

export function toLibraryAsset(row: AssetRow, reuses: number, staleBefore: number): LibraryAsset {
  return {
    assetId: row.id,
    kind: row.kind,
    title: row.title,
    productLines: row.lines,
    ownerId: row.owner,
    version: row.version === '' ? null : row.version,
    summary: row.version === '' ? null : row.summary,
    publishedAt: new Date(num(row.published_ms)).toISOString(),
    revisedAt: new Date(num(row.revised_ms)).toISOString(),
    retired: num(row.retired) === 1,
    stale: num(row.revised_ms) < staleBefore,
    reuses,
  };
}

export const ASSET_COLUMNS = 'id, kind, title, lines, owner, published_ms, version, summary, revised_ms, retired';

/** Library search: every word in the title or the latest summary, the filters, newest first, paged. */
export async function searchLibrary(
  store: AnalyticsStore,
  search: LibrarySearch,
  staleness: Staleness,
): Promise<LibrarySearchResponse> {
  const words = searchWords(search.text);
  const staleBefore = staleBeforeMs(staleness);
  const published: string[] = [];
  if (search.productLine !== undefined) published.push(`has(product_lines, ${sqlValue(search.productLine)})`);
  if (search.kind !== undefined) published.push(`kind = ${sqlValue(search.kind)}`);
  if (search.ownerId !== undefined) published.push(`owner_id = ${sqlValue(search.ownerId)}`);
  const state = words.map((word) => `(${found('title', word)} OR ${found('summary', word)})`);
  if (search.status !== 'any') state.push(`retired = ${search.status === 'retired' ? 1 : 0}`);
  if (search.freshness !== 'any')
    state.push(`revised_ms ${search.freshness === 'stale' ? '<' : '>='} ${sqlValue(staleBefore)}`);
  // The page and the total in one statement: the assets' state (latest revision, retired) is
  // computed once per search (decision 0041), sorted with a LIMIT, so the engine keeps only the
  // page's rows while it sorts and counts the matches as it goes (AnalyticsStore.queryPage).
  const hits =
    words.length === 0 ? [] : [`${words.map((word) => `toUInt8(${found('title', word)})`).join(' + ')} DESC`];
  const order = [...hits, 'revised_ms DESC', 'id'].join(', ');
  const { rows, total } = await store.queryPage<AssetRow>(
    assetStateSql(
      { published, state },
      `\nORDER BY ${order}\nLIMIT ${sqlValue(search.offset)}, ${sqlValue(search.limit)}`,
      ASSET_COLUMNS,
    ),
  );
  const reuses = await reuseCounts(
    store,
    rows.map((row) => row.id),
  );
  return {
    words,
    total,
    offset: search.offset,
    limit: search.limit,
    staleAfterMonths: staleness.staleAfterMonths,
    assets: rows.map((row) => toLibraryAsset(row, reuses.get(row.id) ?? 0, staleBefore)),
  };
}

/**
 * Assets to offer while a section is drafted or an activity completed: active ones of the product
 * line, those sharing most words with the title first (a title word counts twice), then the
 * freshest. None shares a word: still the line's freshest, a start to browse from.
 */
export async function suggestAssets(
  store: AnalyticsStore,
  productLine: string,
  title: string,
  limit: number,
  staleness: Staleness,
): Promise<AssetSuggestionsResponse> {
  const words = searchWords(title);
  const staleBefore = staleBeforeMs(staleness);
  const hits =
    words.length === 0
      ? ''
      : `${words.map((word) => `toUInt8(${found('title', word)}) * 2 + toUInt8(${found('summary', word)})`).join(' + ')} DESC, `;
  const rows = await store.query<AssetRow>(
    assetStateSql(
      { published: [`has(product_lines, ${sqlValue(productLine)})`], state: ['retired = 0'] },
      `\nORDER BY ${hits}revised_ms DESC, id\nLIMIT ${sqlValue(limit)}`,
      ASSET_COLUMNS,
    ),
  );
  const reuses = await reuseCounts(
    store,
    rows.map((row) => row.id),
  );
  return { words, assets: rows.map((row) => toLibraryAsset(row, reuses.get(row.id) ?? 0, staleBefore)) };
}

export type { AssetRow };
