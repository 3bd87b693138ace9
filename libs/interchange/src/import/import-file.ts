import { createReadStream, statSync } from 'node:fs';
import type { Actor } from '@presales/domain';
import type { EventStore } from '@presales/event-store';
import { csvItems } from '../csv/csv-source.js';
import type { CsvTable } from '../csv/csv-tables.js';
import { EventImporter, type ImportItem, type ImportSummary } from './event-importer.js';
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
}

export interface FileImportResult extends ImportSummary {
  readonly reportPath: string;
  readonly examples: readonly Rejection[];
}

const READ_CHUNK = 1024 * 1024;

/** `presales import FILE.jsonl`: validate and append every line, rejections to FILE.rejected.jsonl. */
export function importJsonlFile(path: string, store: Pick<EventStore, 'readStream' | 'appendToStream'>, options: FileImportOptions = {}): Promise<FileImportResult> {
  const tracker = byteTracker(path);
  const items = jsonlItems(createReadStream(path, { highWaterMark: READ_CHUNK }), {
    ...(options.maxLineBytes === undefined ? {} : { maxLineBytes: options.maxLineBytes }),
    onBytes: tracker.set,
  });
  return runFileImport(path, items, store, options, tracker);
}

/** `presales import FILE.csv --table …`: each row mapped to an event, then validated like a JSONL line. */
export function importCsvFile(
  path: string,
  table: CsvTable,
  mapping: Readonly<Record<string, string>>,
  actor: Actor,
  store: Pick<EventStore, 'readStream' | 'appendToStream'>,
  options: FileImportOptions = {},
): Promise<FileImportResult> {
  const tracker = byteTracker(path);
  const stream = createReadStream(path, { highWaterMark: READ_CHUNK, encoding: 'utf8' });
  stream.on('data', (chunk) => tracker.add(Buffer.byteLength(chunk as string)));
  return runFileImport(path, csvItems(stream as AsyncIterable<string>, table, mapping, actor), store, options, tracker);
}

async function runFileImport(
  path: string,
  items: AsyncIterable<ImportItem>,
  store: Pick<EventStore, 'readStream' | 'appendToStream'>,
  options: FileImportOptions,
  tracker: ReturnType<typeof byteTracker>,
): Promise<FileImportResult> {
  const report = new RejectionReport(rejectionReportPath(path));
  try {
    const importer = new EventImporter(store, {
      ...(options.batchLines === undefined ? {} : { batchLines: options.batchLines }),
      ...(options.importedBy === undefined ? {} : { importedBy: options.importedBy }),
      onRejected: (rejection) => report.add(rejection),
      onProgress: (progress) => options.onProgress?.({ ...progress, bytesRead: tracker.read(), totalBytes: tracker.total }),
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
    add: (bytes: number) => {
      read += bytes;
    },
    read: () => read,
  };
}
