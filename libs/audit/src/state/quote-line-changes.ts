import type { QuoteLine } from '@presales/domain';
import type { DerivedFacts } from './derived-facts.js';
import type { JsonValue } from './plain-json.js';

/** How the quote's current lines (those of its latest revision) differ between two moments. */
export interface QuoteLineChanges {
  /** The latest revision at each moment; null before the quote was drafted. */
  readonly fromRevision: number | null;
  readonly toRevision: number | null;
  readonly added: readonly QuoteLine[];
  readonly changed: readonly {
    readonly lineId: string;
    readonly fields: readonly { readonly field: string; readonly from: JsonValue; readonly to: JsonValue }[];
  }[];
  readonly removed: readonly QuoteLine[];
}

export function quoteLineChanges(before: DerivedFacts, after: DerivedFacts): QuoteLineChanges | null {
  if (before.kind !== 'quote' || after.kind !== 'quote') return null;
  const from = before.revisions[before.revisions.length - 1];
  const to = after.revisions[after.revisions.length - 1];
  const fromLines = new Map((from?.lines ?? []).map((line) => [line.lineId, line]));
  const toLines = new Map((to?.lines ?? []).map((line) => [line.lineId, line]));
  const changed: QuoteLineChanges['changed'][number][] = [];
  for (const [lineId, line] of toLines) {
    const previous = fromLines.get(lineId);
    if (previous === undefined) continue;
    const fields = (Object.keys(line) as (keyof QuoteLine)[])
      .filter((field) => previous[field] !== line[field])
      .map((field) => ({ field, from: previous[field] ?? null, to: line[field] }));
    if (fields.length > 0) changed.push({ lineId, fields });
  }
  return {
    fromRevision: from?.revision ?? null,
    toRevision: to?.revision ?? null,
    added: [...toLines.values()].filter((line) => !fromLines.has(line.lineId)),
    changed,
    removed: [...fromLines.values()].filter((line) => !toLines.has(line.lineId)),
  };
}
