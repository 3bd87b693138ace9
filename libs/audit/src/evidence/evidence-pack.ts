import { hash } from 'node:crypto';
import type { Actor } from '@presales/domain';
import type { EventStore, RecordedEvent } from '@presales/event-store';
import type { LinkFinder } from '../history/linked-streams.js';
import { exportLineOf } from '@presales/interchange';
import { bidHistoryOf } from '../history/bid-history.js';
import { collectBidRecord, mergedInLogOrder, type BidRecordStore, type BidStream } from '../history/bid-record.js';
import { deadlineProofOf } from '../proof/deadline-proof.js';
import { packFindings } from './pack-findings.js';
import {
  HASHING_RULE,
  PACK_FORMAT,
  PACK_VERSION,
  type PackFile,
  type PackManifest,
  type PackStream,
} from './pack-manifest.js';
import { packReadme } from './pack-readme.js';
import { renderSummaryHtml } from './summary-html.js';
import { writeTar, type TarEntry } from './tar.js';
import { verifierSource } from './verifier-source.js';

export interface EvidencePackRequest {
  readonly tenderId: string;
  readonly createdAt: Date;
  readonly createdBy: Actor;
}

export interface EvidencePack {
  /** `evidence-<tenderId>.tar` */
  readonly fileName: string;
  /** The folder every file of the archive is in. */
  readonly rootDir: string;
  readonly archive: Buffer;
  /** SHA-256 of manifest.json: the value to keep outside the pack and compare later. */
  readonly manifestSha256: string;
  /** Every stream read to make it. */
  readonly streams: readonly string[];
}

const sha256 = (bytes: string | Buffer) => hash('sha256', bytes, 'hex');

/** One archive a third party can verify without the platform (docs/audit.md). */
export async function buildEvidencePack(
  store: BidRecordStore & Pick<EventStore, 'engine'>,
  request: EvidencePackRequest,
  findLinks?: LinkFinder,
): Promise<EvidencePack> {
  const record = await collectBidRecord(store, request.tenderId, findLinks);
  const tenderStream = record.streams[0]!;
  if (!tenderStream.readable)
    throw new Error(`tender ${request.tenderId}: its stream was read but is listed as unreadable`);
  const findings = packFindings(record, deadlineProofOf(record.tender, tenderStream.chain));
  const streams = record.streams.map(packStream);
  const createdAt = request.createdAt.toISOString();
  const content: [string, Buffer, number][] = [
    ['events.jsonl', jsonLines(mergedInLogOrder(record.streams).map(({ event }) => exportLineOf(event))), 0o644],
    ['withheld.jsonl', jsonLines(record.streams.flatMap(withheldLinks)), 0o644],
    ['findings.json', Buffer.from(`${JSON.stringify(findings, null, 2)}\n`), 0o644],
    [
      'summary.html',
      Buffer.from(
        renderSummaryHtml({
          tenderId: record.tender.tenderId,
          opportunityId: record.tender.opportunityId,
          createdAt,
          createdBy: request.createdBy,
          engine: store.engine,
          streams,
          findings,
          events: bidHistoryOf(record).events,
        }),
      ),
      0o644,
    ],
    ['verify.mjs', verifierSource(), 0o755],
    ['README.txt', Buffer.from(packReadme(record.tender.tenderId)), 0o644],
  ];
  const files: PackFile[] = content.map(([path, bytes]) => ({ path, sha256: sha256(bytes), bytes: bytes.length }));
  const manifest: PackManifest = {
    format: PACK_FORMAT,
    version: PACK_VERSION,
    tenderId: record.tender.tenderId,
    opportunityId: record.tender.opportunityId,
    createdAt,
    createdBy: request.createdBy,
    engine: store.engine,
    hashing: HASHING_RULE,
    streams,
    files,
  };
  const manifestBytes = Buffer.from(`${JSON.stringify(manifest, null, 2)}\n`);
  const manifestSha256 = sha256(manifestBytes);
  const rootDir = `evidence-${record.tender.tenderId}`;
  const entries: TarEntry[] = [
    ...content.map(([path, bytes, mode]) => ({ path: `${rootDir}/${path}`, bytes, mode })),
    { path: `${rootDir}/manifest.json`, bytes: manifestBytes, mode: 0o644 },
    { path: `${rootDir}/manifest.sha256`, bytes: Buffer.from(`${manifestSha256}  manifest.json\n`), mode: 0o644 },
  ];
  return {
    fileName: `${rootDir}.tar`,
    rootDir,
    archive: writeTar(entries, request.createdAt),
    manifestSha256,
    streams: record.streams.map((s) => s.streamId),
  };
}

function jsonLines(lines: readonly string[]): Buffer {
  return Buffer.from(lines.map((line) => `${line}\n`).join(''));
}

function packStream(stream: BidStream): PackStream {
  if (!stream.readable) return stream;
  const last = stream.events[stream.events.length - 1]!;
  return {
    streamId: stream.streamId,
    link: stream.link,
    readable: true,
    lastRevision: last.revision.toString(),
    lastHash: last.metadata.hash,
    eventsIncluded: stream.inHistory.length,
    eventsWithheld: stream.events.length - stream.inHistory.length,
  };
}

/** The chain links of a stream's events that are not evidence for this bid. */
function withheldLinks(stream: BidStream): string[] {
  if (!stream.readable || stream.inHistory.length === stream.events.length) return [];
  const included = new Set(stream.inHistory.map((event) => event.id));
  return stream.events
    .filter((event) => !included.has(event.id))
    .map((event: RecordedEvent) =>
      JSON.stringify({
        stream: event.streamId,
        revision: Number(event.revision),
        position: Number(event.position),
        prevHash: event.metadata.prevHash,
        hash: event.metadata.hash,
      }),
    );
}
