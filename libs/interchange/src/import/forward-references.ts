import { LineRejectedError } from './rejection.js';
import { parseEnvelope } from '../line/import-line.js';
import type { ImportItem } from './event-importer.js';

/**
 * How an import treats a reference to a stream it has not seen yet: `checked` (the default) refuses
 * it unless the store or an earlier line holds the stream; `forward` also accepts a stream a later
 * line of the same file records, for files whose lines are not in dependency order.
 */
export const REFERENCE_MODES = ['checked', 'forward'] as const;
export type ReferenceMode = (typeof REFERENCE_MODES)[number];

export function isReferenceMode(text: string): text is ReferenceMode {
  return (REFERENCE_MODES as readonly string[]).includes(text);
}

/**
 * The streams the lines of an input record, read in a first pass, for `forward` references. A
 * line that names a stream counts even if it is later rejected: the references to it then name
 * a stream that does not come to exist, which is what `forward` trusts the file not to do.
 */
export async function streamsRecordedIn(items: AsyncIterable<ImportItem>): Promise<ReadonlySet<string>> {
  const streams = new Set<string>();
  for await (const item of items) {
    if ('rejection' in item) continue;
    try {
      streams.add(parseEnvelope(item).stream);
    } catch (error) {
      if (!(error instanceof LineRejectedError)) throw error;
    }
  }
  return streams;
}
