import { Readable } from 'node:stream';
import { pipeline } from 'node:stream/promises';
import type { Response } from 'express';
import type { AnalystRowStream } from '@presales/analytics';
import { exportFileName, exportWriter, type ExportOptions, type ExportWriter } from './export-format.js';

/** Rows gathered into one write: fewer system calls, still a few kilobytes at a time. */
const ROWS_PER_WRITE = 256;
/**
 * Batches the platform holds ahead of the client's socket at most (a batch is ~6 KB for three
 * columns): with the socket's own buffer, the bytes in flight stay bounded whatever the size.
 */
const BATCHES_AHEAD = 4;

/**
 * How an export ended: every row written, or cut, by the client leaving (`error` undefined) or by
 * an error: the engine's refusal (an AnalystSqlRejectedError, a limit reached) or a fault.
 */
export type ExportOutcome =
  { readonly kind: 'complete'; readonly rows: number } | { readonly kind: 'cut'; readonly error: unknown };

/**
 * Streams an export into the response: headers once the columns are known, then the rows as the
 * engine gives them. Node's `pipeline` paces the rows by the client's socket (it reads the next
 * batch only when the response has taken the last one), so the platform holds a few batches at
 * most whatever the result's size, and it removes its listeners when done (decisions 0030, 0044).
 * A failure after the first byte cannot become a status any more: the response is cut, so the
 * client sees an incomplete transfer, never a file that looks whole. Never throws once the
 * headers are out: nothing could answer a status any more.
 */
export async function writeExport(
  stream: AnalystRowStream,
  options: ExportOptions,
  response: Response,
  now: Date,
): Promise<ExportOutcome> {
  const writer = exportWriter(options, stream.columns);
  response.status(200);
  response.setHeader('Content-Type', writer.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${exportFileName(now, writer.extension)}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  const counted = { rows: 0 };
  try {
    await pipeline(
      Readable.from(batches(stream, writer, counted), { objectMode: true, highWaterMark: BATCHES_AHEAD }),
      response,
    );
    return { kind: 'complete', rows: counted.rows };
  } catch (error) {
    // The rows' generator has been returned (its worker stopped); cancel covers a stream whose rows never started.
    stream.cancel();
    const clientLeft = (error as { code?: string }).code === 'ERR_STREAM_PREMATURE_CLOSE';
    return { kind: 'cut', error: clientLeft ? undefined : error };
  }
}

/** The file's text in batches of rows: the head first, the tail last. */
async function* batches(
  stream: AnalystRowStream,
  writer: ExportWriter,
  counted: { rows: number },
): AsyncGenerator<string> {
  let batch = writer.head(stream.columns);
  let inBatch = 0;
  for await (const values of stream.rows) {
    batch += writer.row(values, counted.rows === 0);
    counted.rows += 1;
    if (++inBatch < ROWS_PER_WRITE) continue;
    yield batch;
    batch = '';
    inBatch = 0;
  }
  yield batch + writer.tail;
}
