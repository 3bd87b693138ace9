/** One line of an input file, numbered from 1, as bytes turned into text or the reason they could not be. */
export type RawLine =
  | { readonly kind: 'text'; readonly lineNumber: number; readonly text: string; readonly byteLength: number }
  /** Longer than the cap: its bytes were counted and dropped, never buffered. */
  | { readonly kind: 'too_long'; readonly lineNumber: number; readonly byteLength: number }
  | { readonly kind: 'invalid_utf8'; readonly lineNumber: number; readonly byteLength: number };

/** 1 MiB: ten times the largest event the domain's limits allow (500 quote lines of 2 KB each). */
export const DEFAULT_MAX_LINE_BYTES = 1024 * 1024;

const NEWLINE = 0x0a;
const CARRIAGE_RETURN = 0x0d;

/**
 * Splits a byte stream into lines without ever holding more than `maxLineBytes` of one line:
 * a longer line (a 100 MB single line, a binary file) is reported as too long, and the splitter
 * skips to its end. Each line is decoded as strict UTF-8, so invalid bytes are reported rather than
 * silently replaced with U+FFFD. Blank lines are skipped but still counted, so numbers match an editor's.
 */
export async function* splitLines(
  source: AsyncIterable<Uint8Array>,
  maxLineBytes = DEFAULT_MAX_LINE_BYTES,
): AsyncGenerator<RawLine> {
  const decoder = new TextDecoder('utf-8', { fatal: true, ignoreBOM: false });
  let pending: Buffer[] = [];
  let pendingBytes = 0;
  let overflowing = false;
  let lineNumber = 0;

  const finishLine = (): RawLine | undefined => {
    lineNumber += 1;
    const byteLength = pendingBytes;
    const parts = pending;
    pending = [];
    pendingBytes = 0;
    if (overflowing) {
      overflowing = false;
      return { kind: 'too_long', lineNumber, byteLength };
    }
    let bytes = parts.length === 1 ? parts[0]! : Buffer.concat(parts, byteLength);
    if (bytes.length > 0 && bytes[bytes.length - 1] === CARRIAGE_RETURN) bytes = bytes.subarray(0, bytes.length - 1);
    if (bytes.length === 0) return undefined;
    try {
      return { kind: 'text', lineNumber, text: decoder.decode(bytes), byteLength };
    } catch {
      return { kind: 'invalid_utf8', lineNumber, byteLength };
    }
  };

  const take = (piece: Buffer): void => {
    pendingBytes += piece.length;
    if (overflowing) return;
    if (pendingBytes > maxLineBytes) {
      overflowing = true;
      pending = [];
      return;
    }
    pending.push(piece);
  };

  for await (const chunk of source) {
    const buffer = Buffer.isBuffer(chunk) ? chunk : Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength);
    let start = 0;
    for (let newline = buffer.indexOf(NEWLINE, start); newline !== -1; newline = buffer.indexOf(NEWLINE, start)) {
      // A slice of the chunk is enough when the line lies within it; pieces are copied only by concat.
      take(buffer.subarray(start, newline));
      const line = finishLine();
      if (line !== undefined) yield line;
      start = newline + 1;
    }
    if (start < buffer.length) take(Buffer.from(buffer.subarray(start)));
  }
  if (pendingBytes > 0 || overflowing) {
    const line = finishLine();
    if (line !== undefined) yield line;
  }
}
