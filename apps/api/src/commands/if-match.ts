import { BadRequestException } from '@nestjs/common';

/** `If-Match: "3"` (or 3, or W/"3") → 3n; undefined without the header. */
export function parseIfMatch(header: string | undefined): bigint | undefined {
  if (header === undefined) return undefined;
  const match = /^\s*(?:W\/)?"?(\d{1,18})"?\s*$/.exec(header);
  if (match === null)
    throw new BadRequestException(
      `If-Match ${JSON.stringify(header.slice(0, 40))}: must be the ETag a read or a command answered, e.g. "3"`,
    );
  return BigInt(match[1]!);
}

export function etagOf(revision: bigint): string {
  return `"${revision.toString()}"`;
}
