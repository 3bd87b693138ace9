import { CancelledError, DeadlineExceededError, NotLeaderError, UnavailableError } from '@eventstore/db-client';

/**
 * Failures of the connection, not of the request: the server restarted, the leader moved, the
 * network dropped. The client reconnects by itself on the next call; whoever retries must be
 * safe to repeat (appends are: a retry is recognised by its event ids).
 */
export function isTransient(error: unknown): boolean {
  return (
    error instanceof UnavailableError ||
    error instanceof CancelledError ||
    error instanceof DeadlineExceededError ||
    error instanceof NotLeaderError
  );
}

/** How long an append keeps retrying through connection failures before it reports one. */
export const TRANSIENT_RETRY_MS = 10_000;
