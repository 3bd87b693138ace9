/** Exponential backoff with a ceiling: 250 ms, 500 ms, 1 s, … up to `maxMs`. */
export function backoffDelay(attempt: number, initialMs = 250, maxMs = 5000): number {
  return Math.min(maxMs, initialMs * 2 ** Math.max(0, attempt - 1));
}

export function sleep(ms: number, signal: AbortSignal): Promise<void> {
  return new Promise((resolve) => {
    const timer = setTimeout(done, ms);
    signal.addEventListener('abort', done, { once: true });
    function done() {
      clearTimeout(timer);
      signal.removeEventListener('abort', done);
      resolve();
    }
  });
}

/** A timer that can be cancelled, so a race that another promise won leaves nothing behind. */
export function cancellableDelay(ms: number): { readonly elapsed: Promise<void>; readonly cancel: () => void } {
  let timer: NodeJS.Timeout | undefined;
  const elapsed = new Promise<void>((resolve) => {
    timer = setTimeout(resolve, ms);
  });
  return { elapsed, cancel: () => clearTimeout(timer) };
}
