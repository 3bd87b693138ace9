/**
 * The POSIX ustar format, enough for an evidence pack: regular files and their directory, names
 * up to 100 bytes, sizes below 8 GiB. Written here rather than taken from a package (no new
 * dependencies); any `tar -xf` reads it.
 */
export interface TarEntry {
  /** Relative path with `/` separators, at most 100 bytes of UTF-8. */
  readonly path: string;
  readonly bytes: Uint8Array;
  /** Unix permission bits, e.g. 0o644. */
  readonly mode: number;
}

const BLOCK = 512;

export class TarFormatError extends Error {
  constructor(message: string) {
    super(`tar: ${message}`);
    this.name = 'TarFormatError';
  }
}

/** An archive of `entries`, each stamped with `mtime` so the same content gives the same bytes. */
export function writeTar(entries: readonly TarEntry[], mtime: Date): Buffer {
  const seconds = Math.floor(mtime.getTime() / 1000);
  const blocks: Buffer[] = [];
  for (const entry of entries) {
    blocks.push(header(entry.path, entry.bytes.length, entry.mode, seconds));
    blocks.push(Buffer.from(entry.bytes));
    const padding = (BLOCK - (entry.bytes.length % BLOCK)) % BLOCK;
    if (padding > 0) blocks.push(Buffer.alloc(padding));
  }
  blocks.push(Buffer.alloc(BLOCK * 2)); // end of archive: two zero blocks
  return Buffer.concat(blocks);
}

function header(path: string, size: number, mode: number, mtimeSeconds: number): Buffer {
  const block = Buffer.alloc(BLOCK);
  if (Buffer.byteLength(path) > 100) throw new TarFormatError(`path ${path} is longer than 100 bytes`);
  if (size >= 8 ** 11) throw new TarFormatError(`${path} is too large for ustar (${size} bytes)`);
  block.write(path, 0, 100, 'utf8');
  octal(block, 100, 8, mode);
  octal(block, 108, 8, 0); // uid
  octal(block, 116, 8, 0); // gid
  octal(block, 124, 12, size);
  octal(block, 136, 12, mtimeSeconds);
  block.fill(' ', 148, 156); // the checksum counts its own field as spaces
  block.write('0', 156, 1, 'ascii'); // regular file
  block.write('ustar\u000000', 257, 8, 'binary');
  let sum = 0;
  for (const byte of block) sum += byte;
  block.write(`${sum.toString(8).padStart(6, '0')}\u0000 `, 148, 8, 'binary');
  return block;
}

function octal(block: Buffer, offset: number, width: number, value: number): void {
  block.write(`${value.toString(8).padStart(width - 1, '0')}\u0000`, offset, width, 'ascii');
}

/** The regular files of an archive written by writeTar (or any ustar writer without extensions). */
export function readTar(archive: Uint8Array): TarEntry[] {
  const buffer = Buffer.from(archive.buffer, archive.byteOffset, archive.byteLength);
  const entries: TarEntry[] = [];
  for (let offset = 0; offset + BLOCK <= buffer.length;) {
    const block = buffer.subarray(offset, offset + BLOCK);
    if (block.every((byte) => byte === 0)) return entries;
    const path = cString(block.subarray(0, 100));
    const size = parseOctal(block.subarray(124, 136), path, 'size');
    const stored = parseOctal(block.subarray(148, 156), path, 'checksum');
    let sum = 0;
    for (let i = 0; i < BLOCK; i += 1) sum += i >= 148 && i < 156 ? 0x20 : block[i]!;
    if (sum !== stored)
      throw new TarFormatError(`header of ${path} at byte ${offset}: checksum ${stored} does not match ${sum}`);
    const type = String.fromCharCode(block[156]!);
    const start = offset + BLOCK;
    if (start + size > buffer.length)
      throw new TarFormatError(`${path}: ${size} bytes announced, the archive ends first`);
    if (type === '0' || type === '\u0000')
      entries.push({
        path,
        bytes: buffer.subarray(start, start + size),
        mode: parseOctal(block.subarray(100, 108), path, 'mode'),
      });
    offset = start + Math.ceil(size / BLOCK) * BLOCK;
  }
  throw new TarFormatError('the archive ends without its two zero blocks');
}

function cString(bytes: Buffer): string {
  const end = bytes.indexOf(0);
  return bytes.subarray(0, end === -1 ? bytes.length : end).toString('utf8');
}

function parseOctal(field: Buffer, path: string, name: string): number {
  const text = cString(field).trim();
  if (!/^[0-7]+$/.test(text))
    throw new TarFormatError(`header of ${path}: ${name} ${JSON.stringify(text)} is not octal`);
  return parseInt(text, 8);
}
