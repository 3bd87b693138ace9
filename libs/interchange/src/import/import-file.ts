import { createReadStream, statSync } from 'node:fs';
import type { Actor } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import { checkCsvFile, csvFileRecords, csvItems, resolveCsvFile } from '../csv/csv-source.js';
import type { CsvTable } from '../csv/csv-tables.js';
import type { CsvEncoding } from '../csv/text-decoding.js';
import { EventImporter, type ImportItem, type ImportSummary } from './event-importer.js';
import { streamsRecordedIn, type ReferenceMode } from './forward-references.js';
import { jsonlItems } from './jsonl-source.js';
import { RejectionReport, rejectionReportPath } from './rejection-report.js';
import type { Rejection } from './rejection.js';

export interface FileImportProgress {
  readonly lines: number;
  readonly appended: number;
  readonly rejected: number;
  readonly bytesRead: number;
  readonly totalBytes: number;
}

export interface FileImportOptions {
  readonly batchLines?: number;
  readonly maxLineBytes?: number;
  readonly onProgress?: (progress: FileImportProgress) => void;
  /** Recorded as `metadata.importedBy` on every appended event (see ImportOptions). */
  readonly importedBy?: Actor;
  /** `forward`: a reference may name a stream a later line of the file records (read in a first pass). */
  readonly references?: ReferenceMode;
}

export interface CsvImportOptions extends FileImportOptions {
  /** `auto` (the default): a byte-order mark, else UTF-8. */
  readonly encoding?: CsvEncoding;
}

export interface FileImportResult extends ImportSummary {
  readonly reportPath: string;
  readonly examples: readonly Rejection[];
}

const READ_CHUNK = 1024 * 1024;

/** `presales import FILE.jsonl`: validate and append every line, rejections to FILE.rejected.jsonl. */
export async function importJsonlFile(
  path: string,
  store: Pick<EventStore, 'readStream' | 'appendToStream'>,
  options: FileImportOptions = {},
): Promise<FileImportResult> {
  const tracker = byteTracker(path);
  const lines = (onBytes?: (bytes: number) => void) =>
    jsonlItems(createReadStream(path, { highWaterMark: READ_CHUNK }), {
      ...(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes }),
      ...(onBytes === undefined ? {} : { onBytes }),
    });
  const forward = options.references === 'forward' ? await streamsRecordedIn(lines()) : undefined;
  return runFileImport(path, lines(tracker.set), store, options, tracker, forward);
}

/**
 * `presales import FILE.csv --table …`: the file is decoded and parsed in full first, so an
 * undecodable byte or a broken quote refuses it with nothing appended; then each row is mapped to
 * an event and validated like a JSONL line.
 */
export async function importCsvFile(
  path: string,
  table: CsvTable,
  mapping: Readonly<Record<string, string>>,
  actor: Actor,
  store: Pick<EventStore, 'readStream' | 'appendToStream'>,
  options: CsvImportOptions = {},
): Promise<FileImportResult> {
  const file = await resolveCsvFile(path, options.encoding ?? 'auto');
  await checkCsvFile(file, table, mapping);
  const tracker = byteTracker(path);
  const rows = (onBytes?: (bytes: number) => void) => csvItems(csvFileRecords(file, onBytes), table, mapping, actor);
  const forward = options.references === 'forward' ? await streamsRecordedIn(rows()) : undefined;
  return runFileImport(path, rows(tracker.set), store, options, tracker, forward);
}

async function runFileImport(
  path: string,
  items: AsyncIterable<ImportItem>,
  store: Pick<EventStore, 'readStream' | 'appendToStream'>,
  options: FileImportOptions,
  tracker: ReturnType<typeof byteTracker>,
  forwardReferences: ReadonlySet<string> | undefined,
): Promise<FileImportResult> {
  const report = new RejectionReport(rejectionReportPath(path));
  try {
    const importer = new EventImporter(store, {
      ...(options.batchLines === undefined ? {} : { batchLines: options.batchLines }),
      ...(options.importedBy === undefined ? {} : { importedBy: options.importedBy }),
      ...(forwardReferences === undefined ? {} : { forwardReferences }),
      onRejected: (rejection) => report.add(rejection),
      onProgress: (progress) =>
        options.onProgress?.({ ...progress, bytesRead: tracker.read(), totalBytes: tracker.total }),
    });
    const summary = await importer.run(items);
    return { ...summary, reportPath: report.path, examples: [...report.examples] };
  } finally {
    report.close();
  }
}

function byteTracker(path: string) {
  let read = 0;
  return {
    total: statSync(path).size,
    set: (bytes: number) => {
      read = bytes;
    },
    read: () => read,
  };
}
