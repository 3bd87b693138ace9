import iconv from 'iconv-lite';

/**
 * How the bytes of a CSV file become text. `auto` reads a byte-order mark (Excel's "CSV UTF-8"
 * writes one) and otherwise takes UTF-8; it never guesses a legacy encoding, because a wrong guess
 * turns names into other, valid-looking characters that would be recorded for ever. A file in a
 * legacy encoding (Excel's plain "CSV" in Chinese locales writes GBK) is named with `--encoding`.
 */
export type CsvEncoding = 'auto' | SupportedEncoding;

/** An encoding name iconv-lite knows, normalised (`GBK`, `gbk` and `cp936` stay as given, lower-cased). */
export type SupportedEncoding = string & { readonly __brand: 'SupportedEncoding' };

/** The file cannot be turned into text without losing characters: nothing of it is imported. */
export class CsvEncodingError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'CsvEncodingError';
  }
}

const REPLACEMENT = '\ufffd';

/** `--encoding NAME`: `auto`, or any encoding iconv-lite decodes (utf-8, gb18030, gbk, big5, utf-16le, windows-1252, …). */
export function parseCsvEncoding(name: string): CsvEncoding {
  const normalised = name.trim().toLowerCase();
  if (normalised === 'auto') return 'auto';
  if (!iconv.encodingExists(normalised)) {
    throw new CsvEncodingError(
      `--encoding ${name}: not an encoding this build decodes; use auto, utf-8, gb18030 (Excel's CSV in Chinese locales), big5, utf-16le, windows-1252, …`,
    );
  }
  return normalised as SupportedEncoding;
}

/** The encoding a byte-order mark announces, or UTF-8. */
export function detectEncoding(head: Uint8Array): SupportedEncoding {
  if (head[0] === 0xff && head[1] === 0xfe) return 'utf-16le' as SupportedEncoding;
  if (head[0] === 0xfe && head[1] === 0xff) return 'utf-16be' as SupportedEncoding;
  return 'utf-8' as SupportedEncoding;
}

export interface DecodedChunk {
  readonly text: string;
  /** Bytes of the file consumed so far, for progress. */
  readonly bytesRead: number;
}

/**
 * Decodes a byte stream chunk by chunk (a character split across chunks is kept whole) and stops
 * with a CsvEncodingError at the first character the encoding cannot represent: iconv-lite and
 * TextDecoder both replace such bytes with U+FFFD, so any U+FFFD in the text is refused, naming
 * the line and the option. A byte-order mark is dropped.
 */
export async function* decodeChunks(
  source: AsyncIterable<Uint8Array>,
  encoding: SupportedEncoding,
  fileName: string,
): AsyncGenerator<DecodedChunk> {
  const decoder = iconv.getDecoder(encoding, { stripBOM: true });
  let bytesRead = 0;
  let line = 1;
  const checked = (text: string): string => {
    const bad = text.indexOf(REPLACEMENT);
    if (bad !== -1) throw undecodable(fileName, encoding, line + countLineBreaks(text.slice(0, bad)));
    line += countLineBreaks(text);
    return text;
  };
  for await (const chunk of source) {
    bytesRead += chunk.byteLength;
    const text = checked(decoder.write(Buffer.from(chunk.buffer, chunk.byteOffset, chunk.byteLength)));
    if (text !== '') yield { text, bytesRead };
  }
  // A multi-byte character cut off by the end of the file comes out here as U+FFFD.
  const rest = checked(decoder.end() ?? '');
  if (rest !== '') yield { text: rest, bytesRead };
}

function countLineBreaks(text: string): number {
  let count = 0;
  for (let i = 0; i < text.length; i += 1) {
    const code = text.charCodeAt(i);
    if (code === 0x0a || (code === 0x0d && text.charCodeAt(i + 1) !== 0x0a)) count += 1;
  }
  return count;
}

function undecodable(fileName: string, encoding: SupportedEncoding, line: number): CsvEncodingError {
  const utf8 = encoding === 'utf-8' || encoding === 'utf8';
  const hint = utf8
    ? `spreadsheet programs in Chinese locales save "CSV" as GBK: if this file came from one, import it again with --encoding gb18030; or save it as "CSV UTF-8"`
    : `it is not ${encoding}: import it again with the --encoding it was saved in (utf-8, gb18030, big5, …)`;
  return new CsvEncodingError(
    `${fileName}: line ${line} is not valid ${utf8 ? 'UTF-8' : encoding} (or holds U+FFFD, a character an earlier conversion already lost); nothing was imported. ${hint}`,
  );
}
