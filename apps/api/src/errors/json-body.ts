import type { IncomingMessage, ServerResponse } from 'node:http';

/** The largest JSON body taken: a 100,000-character SQL text in three-byte characters fits. */
export const JSON_BODY_LIMIT = '1mb';
/** No request of the API nests deeper; a deeper body is refused before it is parsed. */
export const MAX_JSON_DEPTH = 32;

/** A refused body, as body-parser reports its own refusals: a status and a type. */
class BodyRefused extends Error {
  constructor(
    message: string,
    readonly status: number,
    readonly type: string,
  ) {
    super(message);
  }
}

/**
 * Checks a JSON body before it is parsed (body-parser's `verify`): cheap refusals of bodies no
 * request of the API sends, each a 4xx (issue 16, "bad requests are cheap"). Only UTF-8: a body
 * declared in another charset would be read wrongly. The nesting is counted in one pass outside
 * strings: JSON.parse of 10,000 nested arrays, then validating them, overflowed the stack.
 */
export function verifyJsonBody(
  _request: IncomingMessage,
  _response: ServerResponse,
  body: Buffer,
  encoding: string,
): void {
  if (!/^utf-?8$/i.test(encoding))
    throw new BodyRefused(`the body must be UTF-8 JSON, not ${encoding}`, 415, 'charset.unsupported');
  let depth = 0;
  let inString = false;
  for (let i = 0; i < body.length; i += 1) {
    const byte = body[i]!;
    if (inString) {
      if (byte === 0x5c) i += 1;
      else if (byte === 0x22) inString = false;
    } else if (byte === 0x22) inString = true;
    else if (byte === 0x5b || byte === 0x7b) {
      depth += 1;
      if (depth > MAX_JSON_DEPTH)
        throw new BodyRefused(`the JSON body nests deeper than ${MAX_JSON_DEPTH} levels`, 400, 'entity.too.deep');
    } else if (byte === 0x5d || byte === 0x7d) depth -= 1;
  }
}

/**
 * body-parser's refusals (http-errors): a 4xx status and a type such as `entity.too.large`; and
 * a body that claims a content-encoding it does not have, which zlib refuses (`Z_DATA_ERROR`) or,
 * for `br`, the brotli decoder (`ERR__ERROR_FORMAT_…`: the fuzz found it answered 500).
 */
export function bodyRefusalStatus(error: unknown): number | undefined {
  if (!(error instanceof Error)) return undefined;
  if (
    'code' in error &&
    typeof error.code === 'string' &&
    /^(Z_(DATA|BUF)_ERROR|ERR__ERROR_FORMAT_\w+)$/.test(error.code)
  )
    return 400;
  if (!('type' in error) || typeof error.type !== 'string') return undefined;
  const status = 'status' in error ? error.status : undefined;
  return typeof status === 'number' && status >= 400 && status < 500 ? status : undefined;
}
