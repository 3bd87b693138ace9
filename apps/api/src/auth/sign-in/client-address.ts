import type { Request } from 'express';

/** The address a request came from, as the security log records it (no proxy is trusted). */
export function clientAddress(request: Request): string {
  return request.socket.remoteAddress ?? 'unknown';
}
