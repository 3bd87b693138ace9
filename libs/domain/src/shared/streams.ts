/**
 * Stream names are `<category>-<id>` so that EventStoreDB's `$ce-<category>` works (DESIGN.md
 * decision 3). `process-<area>` uses the maturity area as id, `kpi-<kpiId>` the KPI's id.
 */
export const STREAM_CATEGORIES = [
  'opportunity',
  'tender',
  'quote',
  'activity',
  'consultant',
  'team',
  'warroom',
  'asset',
  'gap',
  'process',
  'kpi',
  'action',
] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

export function streamName(category: StreamCategory, id: string): string {
  return `${category}-${id}`;
}

/** `tender-T-9` → `{ category: 'tender', id: 'T-9' }`; undefined for an unknown category. */
export function parseStreamName(stream: string): { category: StreamCategory; id: string } | undefined {
  const dash = stream.indexOf('-');
  if (dash <= 0 || dash === stream.length - 1) return undefined;
  const category = stream.slice(0, dash);
  if (!(STREAM_CATEGORIES as readonly string[]).includes(category)) return undefined;
  return { category: category as StreamCategory, id: stream.slice(dash + 1) };
}
