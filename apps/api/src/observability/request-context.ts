import { AsyncLocalStorage } from 'node:async_hooks';

/** What the code serving a request may need to know about it without being handed the request. */
export interface RequestContext {
  /** The id in the request's log line and X-Request-Id header, written into the events it appends. */
  readonly correlationId: string;
}

const storage = new AsyncLocalStorage<RequestContext>();

/** Runs `next` (the rest of the request's middleware and its handler) inside the request's context. */
export function runInRequestContext<T>(context: RequestContext, next: () => T): T {
  return storage.run(context, next);
}

/** The correlation id of the request being served; undefined outside one (start-up, the projector). */
export function currentCorrelationId(): string | undefined {
  return storage.getStore()?.correlationId;
}

/** Runs `work` as if no request were being served: for appends that must keep the metadata they were given. */
export function outsideRequestContext<T>(work: () => T): T {
  return storage.exit(work);
}
