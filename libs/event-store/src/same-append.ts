import { canonicalJson } from './canonical-json.js';
import type { EventMetadataInput } from './envelope.js';
import { stampMetadata } from './stamping.js';

/**
 * Whether an event recorded earlier is the one a writer is appending again (a retry), compared
 * by what the writer said: type, data and metadata, with the store's stamps taken from the record.
 * The correlation id is left out: it names the request that carried the append (decision 0035),
 * and a retry after a lost answer comes in another request.
 */
export function sameAppend(
  recorded: {
    readonly type: string;
    readonly data: unknown;
    readonly metadata: Readonly<Record<string, unknown>> & { readonly recordedAt: string; readonly prevHash: string };
  },
  event: { readonly type: string; readonly data: unknown; readonly metadata: EventMetadataInput },
): boolean {
  if (recorded.type !== event.type || canonicalJson(recorded.data) !== canonicalJson(event.data)) return false;
  const { hash: _hash, correlationId: _recordedCorrelation, ...stored } = recorded.metadata;
  const { correlationId: _correlation, ...written } = event.metadata;
  return (
    canonicalJson(stampMetadata(written, recorded.metadata.recordedAt, recorded.metadata.prevHash)) ===
    canonicalJson(stored)
  );
}
