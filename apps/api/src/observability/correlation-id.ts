import { randomUUID } from 'node:crypto';
import type { IncomingHttpHeaders } from 'node:http';

/**
 * An id a caller may choose: letters, digits and `._:-`, at most 128 characters (the limit of a
 * command's correlationId). Nothing that could break a log line (newlines, quotes, control
 * characters) or bloat it gets through; anything else is replaced, never echoed.
 */
const REQUEST_ID = /^[A-Za-z0-9][A-Za-z0-9._:-]{0,127}$/;
/** W3C Trace Context, version 00: the trace id is what ties this request to the caller's trace. */
const TRACEPARENT = /^00-([0-9a-f]{32})-([0-9a-f]{16})-[0-9a-f]{2}$/;
const ALL_ZEROS = /^0+$/;

/**
 * The correlation id of a request: the caller's `X-Request-Id` when it is well formed, else the
 * trace id of a well-formed `traceparent`, else a new UUID. Node joins a repeated header with
 * commas, which the patterns refuse, so a request cannot carry two ids.
 */
export function correlationIdOf(headers: IncomingHttpHeaders): string {
  const requestId = headers['x-request-id'];
  if (typeof requestId === 'string' && REQUEST_ID.test(requestId)) return requestId;
  const trace = TRACEPARENT.exec(typeof headers.traceparent === 'string' ? headers.traceparent : '');
  // An all-zero trace or parent id is invalid by the spec: such a header is ignored.
  if (trace !== null && !ALL_ZEROS.test(trace[1]!) && !ALL_ZEROS.test(trace[2]!)) return trace[1]!;
  return randomUUID();
}
