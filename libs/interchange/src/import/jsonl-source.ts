import { parseJsonLine } from '../line/import-line.js';
import { DEFAULT_MAX_LINE_BYTES, splitLines } from '../line/line-splitter.js';
import { LineRejectedError } from './rejection.js';
import type { ImportItem } from './event-importer.js';

export interface JsonlSourceOptions {
  readonly maxLineBytes?: number;
  /** Called with the bytes read so far, for progress and ETA. */
  readonly onBytes?: (bytes: number) => void;
}

/** The lines of a JSONL byte stream as import items: parsed JSON, or the reason a line is unreadable. */
export async function* jsonlItems(
  source: AsyncIterable<Uint8Array>,
  options: JsonlSourceOptions = {},
): AsyncGenerator<ImportItem> {
  const maxLineBytes = options.maxLineBytes ?? DEFAULT_MAX_LINE_BYTES;
  let bytes = 0;
  for await (const raw of splitLines(source, maxLineBytes)) {
    bytes += raw.byteLength + 1;
    options.onBytes?.(bytes);
    switch (raw.kind) {
      case 'too_long':
        yield {
          rejection: {
            line: raw.lineNumber,
            code: 'line_too_long',
            reason: `line of ${raw.byteLength} bytes exceeds the limit of ${maxLineBytes} bytes; skipped without reading it into memory`,
          },
        };
        break;
      case 'invalid_utf8':
        yield { rejection: { line: raw.lineNumber, code: 'invalid_utf8', reason: 'the line is not valid UTF-8' } };
        break;
      case 'text':
        try {
          yield parseJsonLine(raw.lineNumber, raw.text);
        } catch (error) {
          if (!(error instanceof LineRejectedError)) throw error;
          yield { rejection: error.rejection };
        }
        break;
    }
  }
}
