import { once } from 'node:events';
import type { Response } from 'express';
import type { AnalystRowStream } from '@presales/analytics';
import { exportFileName, exportWriter, type ExportOptions } from './export-format.js';

/** Rows gathered into one write: fewer system calls, still a few kilobytes at a time. */
const ROWS_PER_WRITE = 256;

/**
 * Streams an export into the response: headers once the columns are known, then the rows as the
 * engine gives them, waiting whenever the client's socket is full, so the platform holds a few
 * hundred rows at most whatever the result's size (decision 0030). A failure after the first
 * byte cannot become a status any more: the response is cut, so the client sees an incomplete
 * transfer, never a file that looks whole.
 */
/**
 * How an export ended: every row written, or cut, by the client leaving (`error` undefined) or by
 * an error: the engine's refusal (an AnalystSqlRejectedError, a limit reached) or a fault.
 */
export type ExportOutcome =
  { readonly kind: 'complete'; readonly rows: number } | { readonly kind: 'cut'; readonly error: unknown };

/** Never throws once the headers are out: nothing could answer a status any more. */
export async function writeExport(
  stream: AnalystRowStream,
  options: ExportOptions,
  response: Response,
  now: Date,
): Promise<ExportOutcome> {
  const writer = exportWriter(options, stream.columns);
  let gone = false;
  response.once('close', () => {
    if (!response.writableFinished) {
      gone = true;
      stream.cancel();
    }
  });
  response.status(200);
  response.setHeader('Content-Type', writer.contentType);
  response.setHeader('Content-Disposition', `attachment; filename="${exportFileName(now, writer.extension)}"`);
  response.setHeader('Cache-Control', 'no-store');
  response.setHeader('X-Content-Type-Options', 'nosniff');
  try {
    let batch = writer.head(stream.columns);
    let first = true;
    let inBatch = 0;
    let written = 0;
    for await (const values of stream.rows) {
      if (gone) break;
      batch += writer.row(values, first);
      first = false;
      written += 1;
      if (++inBatch < ROWS_PER_WRITE) continue;
      if (!response.write(batch)) await Promise.race([once(response, 'drain'), once(response, 'close')]);
      batch = '';
      inBatch = 0;
    }
    if (gone) return { kind: 'cut', error: undefined };
    response.end(batch + writer.tail);
    return { kind: 'complete', rows: written };
  } catch (error) {
    response.destroy();
    return { kind: 'cut', error };
  }
}
