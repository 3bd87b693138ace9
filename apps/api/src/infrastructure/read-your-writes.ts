import type { Request, Response } from 'express';

/** How long a write waits for its events to reach the analytics tables before answering (decision 0005). */
export const READ_YOUR_WRITES_MS = 2000;

/**
 * How long this write waits for its projection: 2 s, or less when the client says so with
 * RFC 7240's `Prefer: wait=<seconds>` (`wait=0`: answer once the event is stored; `projected`
 * then says whether it is readable yet). A preference is a wish, never an error: one that does not
 * parse is ignored, as the RFC asks. An applied one is named in `Preference-Applied`.
 */
export function projectionWaitMs(request: Request, response: Response): number {
  const seconds = preferredWaitSeconds(request.header('prefer'));
  if (seconds === undefined || seconds * 1000 >= READ_YOUR_WRITES_MS) return READ_YOUR_WRITES_MS;
  response.setHeader('Preference-Applied', `wait=${seconds}`);
  return seconds * 1000;
}

/** The `wait` preference of a Prefer header (`respond-async, wait=0`), in whole seconds. */
export function preferredWaitSeconds(header: string | undefined): number | undefined {
  if (header === undefined || header.length > 1024) return undefined;
  for (const preference of header.split(/[,;]/)) {
    const match = /^\s*wait\s*=\s*"?(\d{1,6})"?\s*$/i.exec(preference);
    if (match !== null) return Number(match[1]);
  }
  return undefined;
}
