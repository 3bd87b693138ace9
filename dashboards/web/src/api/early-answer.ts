import { request } from './http';

/** An early answer older than this is not used: the view asks again. */
const FRESH_MS = 10_000;
const early = new Map<string, { readonly at: number; readonly answer: Promise<unknown> }>();

/**
 * Starts a GET the first view will make, before the app knows who is signed in: the request runs
 * alongside `/api/auth/me` instead of after it and the view's script (docs/benchmarks.md, decision
 * 0044). Without a session it is simply refused, quietly: the view never takes it.
 */
export function askEarly(path: string): void {
  if (early.has(path)) return;
  const answer = request(path, { authRequest: true });
  answer.catch(() => undefined);
  early.set(path, { at: Date.now(), answer });
}

/**
 * The early answer to `path` when one was asked for, once; if it failed (no session yet, a
 * refusal), `ask` asks again as the view would have, so its error is the view's own.
 */
export function takeEarly<T>(path: string, ask: () => Promise<T>): Promise<T> {
  const started = early.get(path);
  early.delete(path);
  if (started === undefined || Date.now() - started.at > FRESH_MS) return ask();
  return (started.answer as Promise<T>).catch(ask);
}
