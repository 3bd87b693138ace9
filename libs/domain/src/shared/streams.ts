/** Stream names are `<category>-<id>` so that EventStoreDB's `$ce-<category>` works (DESIGN.md decision 3). */
export const STREAM_CATEGORIES = ['tender'] as const;
export type StreamCategory = (typeof STREAM_CATEGORIES)[number];

export function streamName(category: StreamCategory, id: string): string {
  return `${category}-${id}`;
}
