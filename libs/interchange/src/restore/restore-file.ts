import { StreamChainVerifier, type RecordedEvent } from '@presales/event-store';
import { recordedEventOf } from '../line/export-line.js';
import type { ImportItem } from '../import/event-importer.js';
import { LineRejectedError, type Rejection } from '../import/rejection.js';
import { parseExportLine } from './export-line-schema.js';

/** What a store must offer to be restored into: the SQLite adapter's restoreRecorded, for one. */
export interface RecordedEventRestorer {
  restoreRecorded(
    events: readonly RecordedEvent[],
  ): Promise<{ readonly restored: number; readonly alreadyPresent: number }>;
}

/** The file's chains did not verify: nothing was restored. */
export class RestoreVerificationError extends Error {
  constructor(
    readonly findings: readonly Rejection[],
    readonly findingsOmitted: number,
  ) {
    super(
      `the export does not verify (${findings.length + findingsOmitted} problem(s), first at line ${findings[0]?.line ?? '?'}: ${findings[0]?.reason ?? ''}); nothing was restored`,
    );
    this.name = 'RestoreVerificationError';
  }
}

export interface RestoreSummary {
  readonly events: number;
  readonly restored: number;
  readonly alreadyPresent: number;
  readonly streams: number;
}

/** Items of an export file, read afresh for each pass (a file is read twice: verify, then write). */
export type ExportSource = () => AsyncIterable<ImportItem>;

/**
 * Restore = verify, then write. Pass 1 checks every line's shape, that positions rise through
 * the file (`$all` order), and every stream's hash chain (DESIGN.md decision 5) with the event
 * store's own verifier; a chain may start past revision 0 (an export `--from-position`), the
 * target then checks it continues there. Any problem refuses the whole file before anything is
 * written. Pass 2 hands the events to the store in `$all` order, in batches.
 */
export async function restoreExport(
  source: ExportSource,
  target: RecordedEventRestorer,
  options: { batchSize?: number; onProgress?: (events: number) => void } = {},
): Promise<RestoreSummary> {
  const verified = await verifyExport(source);
  const batchSize = options.batchSize ?? 2000;
  let batch: RecordedEvent[] = [];
  let restored = 0;
  let alreadyPresent = 0;
  let done = 0;
  const write = async () => {
    if (batch.length === 0) return;
    const result = await target.restoreRecorded(batch);
    restored += result.restored;
    alreadyPresent += result.alreadyPresent;
    done += batch.length;
    batch = [];
    options.onProgress?.(done);
  };
  for await (const item of source()) {
    // Pass 1 accepted every line, so each is a valid export line now.
    if ('rejection' in item) throw new Error(`line ${item.rejection.line} changed between the verify and write passes`);
    batch.push(recordedEventOf(parseExportLine(item.line, item.value)));
    if (batch.length >= batchSize) await write();
  }
  await write();
  return { events: verified.events, restored, alreadyPresent, streams: verified.streams };
}

const FINDINGS_CAP = 1000;

export async function verifyExport(source: ExportSource): Promise<{ events: number; streams: number }> {
  const chains = new Map<string, StreamChainVerifier>();
  const findings: Rejection[] = [];
  let omitted = 0;
  const note = (rejection: Rejection) => (findings.length < FINDINGS_CAP ? findings.push(rejection) : (omitted += 1));
  let events = 0;
  let lastPosition = 0;
  for await (const item of source()) {
    if ('rejection' in item) {
      note(item.rejection);
      continue;
    }
    let line;
    try {
      line = parseExportLine(item.line, item.value);
    } catch (error) {
      if (!(error instanceof LineRejectedError)) throw error;
      note(error.rejection);
      continue;
    }
    events += 1;
    if (line.position <= lastPosition)
      note({
        line: item.line,
        stream: line.stream,
        code: 'revision_out_of_order',
        reason: `position ${line.position} does not follow ${lastPosition}: an export is in $all order`,
      });
    lastPosition = Math.max(lastPosition, line.position);
    let chain = chains.get(line.stream);
    if (chain === undefined) {
      // The first event of a stream in the file sets where its chain starts (a partial export starts mid-stream).
      chain = new StreamChainVerifier(line.stream, {
        revision: BigInt(line.revision),
        prevHash: line.metadata.prevHash,
      });
      chains.set(line.stream, chain);
    }
    const wasBroken = chain.isBroken;
    chain.accept(recordedEventOf(line));
    if (!wasBroken && chain.isBroken) {
      const verdict = chain.verdict();
      if (!verdict.ok)
        note({
          line: item.line,
          stream: line.stream,
          id: line.id,
          code: 'invariant',
          reason: `hash chain broken at revision ${verdict.firstBrokenRevision}: ${verdict.reason}`,
        });
    }
  }
  if (findings.length > 0) throw new RestoreVerificationError(findings, omitted);
  return { events, streams: chains.size };
}
