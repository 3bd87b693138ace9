import type { Actor } from '@presales/domain';
import type { LinkKind } from '../history/linked-streams.js';

export const PACK_FORMAT = 'presales-evidence-pack' as const;
export const PACK_VERSION = 1 as const;

/** Where each stream's chain must end, as the pack's builder read it: deleting the pack's last events shows. */
export type PackStream =
  | {
      readonly streamId: string;
      readonly link: LinkKind;
      readonly readable: true;
      readonly lastRevision: string;
      readonly lastHash: string;
      readonly eventsIncluded: number;
      /** Events of the stream that are not evidence here (a consultant's other work): only their links are in withheld.jsonl. */
      readonly eventsWithheld: number;
    }
  | { readonly streamId: string; readonly link: LinkKind; readonly readable: false; readonly reason: string };

export interface PackFile {
  readonly path: string;
  readonly sha256: string;
  readonly bytes: number;
}

/**
 * manifest.json: what is in the pack and the SHA-256 of every other file. Its own SHA-256 is in
 * manifest.sha256 and in the platform's audit log (the AuditRead of the request that made it).
 */
export interface PackManifest {
  readonly format: typeof PACK_FORMAT;
  readonly version: typeof PACK_VERSION;
  readonly tenderId: string;
  readonly opportunityId: string;
  readonly createdAt: string;
  readonly createdBy: Actor;
  readonly engine: string;
  /** How event hashes are computed, for a reader who writes their own verifier (docs/audit.md). */
  readonly hashing: string;
  readonly streams: readonly PackStream[];
  readonly files: readonly PackFile[];
}

export const HASHING_RULE =
  'per stream: hash = sha256hex(prevHash + canonical JSON of {data, metadata without hash, revision, streamId, type}); ' +
  'canonical JSON = object keys sorted by UTF-16 code units at every depth, no whitespace, strings and numbers as JSON.stringify writes them; ' +
  'the first event of a stream has prevHash = 64 zeros';
