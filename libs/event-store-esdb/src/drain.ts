/**
 * Reads a client read to its end. Leaving a read early (`break` or `return` inside `for await`)
 * unpipes the gRPC call before it has delivered its end, so the client keeps it among its open
 * streams and `dispose()` waits for it forever (found over the wire with the test stand-in).
 * Every read here asks for a bounded count, so reading it whole costs little.
 */
export async function drain<T>(read: AsyncIterable<T>): Promise<T[]> {
  const items: T[] = [];
  for await (const item of read) items.push(item);
  return items;
}

export function sleep(ms: number): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, ms));
}

/** Exponential backoff with full jitter, so racing writers do not retry in step. */
export function backoffMs(attempt: number, baseMs = 5, capMs = 200): number {
  return Math.random() * Math.min(capMs, baseMs * 2 ** Math.min(attempt, 10));
}
