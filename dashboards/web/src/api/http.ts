import type { ApiErrorBody } from '@presales/contracts';

/** An error the API answered with; `code` is the API's error code when it sent one. */
export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly code: string | undefined,
    message: string,
    readonly retryAfterSeconds: number | null = null,
    /** The fields a validation error names (`{path, rule}`), shown on the form's fields. */
    readonly issues: readonly { readonly path: string; readonly rule: string }[] = [],
    /** The fields a refused rule (422) is about, shown on them too. */
    readonly fields: readonly string[] = [],
  ) {
    super(message);
  }
}

/** The CSRF token of the signed-in session: every non-GET request carries it. */
let csrfToken: string | null = null;
export function setCsrfToken(token: string | null): void {
  csrfToken = token;
}

/** The headers a state-changing request of the signed-in session carries, for requests not made by `request`. */
export function csrfHeader(): Record<string, string> {
  return csrfToken === null ? {} : { 'x-csrf-token': csrfToken };
}

/** Called on any 401 except from the sign-in requests themselves: the router goes to sign-in. */
let onUnauthorized: (() => void) | null = null;
export function whenUnauthorized(handler: () => void): void {
  onUnauthorized = handler;
}

/** The error message of a body in either shape the API uses (`{error: {message}}` or `{error, message}`). */
export function errorMessage(body: unknown, status: number): { code: string | undefined; message: string } {
  if (typeof body === 'object' && body !== null) {
    const { error, message } = body as { error?: unknown; message?: unknown };
    if (typeof error === 'object' && error !== null) {
      const inner = error as ApiErrorBody['error'];
      return { code: inner.code, message: inner.message };
    }
    if (typeof message === 'string') return { code: typeof error === 'string' ? error : undefined, message };
    if (typeof error === 'string') return { code: error, message: error };
  }
  return { code: undefined, message: `HTTP ${status}` };
}

export interface RequestOptions {
  readonly method?: 'GET' | 'POST' | 'PUT' | 'DELETE';
  readonly body?: unknown;
  readonly signal?: AbortSignal;
  /** A 401 here means "wrong credentials", not "session gone": do not leave the page. */
  readonly authRequest?: boolean;
  /** If-Match, Idempotency-Key: what a command sends beside its body. */
  readonly headers?: Readonly<Record<string, string>>;
}

export async function request<T>(path: string, options: RequestOptions = {}): Promise<T> {
  const response = await send(path, options);
  if (response.status === 204) return undefined as T;
  const body: unknown = await response.json().catch(() => undefined);
  if (!response.ok) throw refusal(response, body, options);
  return body as T;
}

/**
 * The answer's body as bytes, not parsed: for an answer large enough that parsing it would block
 * the page, which a worker then parses (decision 0044). A refusal is an ApiError as for `request`.
 */
export async function requestBytes(path: string, options: RequestOptions = {}): Promise<ArrayBuffer> {
  const response = await send(path, options);
  if (!response.ok) throw refusal(response, await response.json().catch(() => undefined), options);
  return await response.arrayBuffer();
}

function send(path: string, options: RequestOptions): Promise<Response> {
  const method = options.method ?? 'GET';
  const headers: Record<string, string> = { accept: 'application/json', ...options.headers };
  if (options.body !== undefined) headers['content-type'] = 'application/json';
  if (method !== 'GET' && csrfToken !== null) headers['x-csrf-token'] = csrfToken;
  return fetch(path, {
    method,
    headers,
    credentials: 'same-origin',
    ...(options.body === undefined ? {} : { body: JSON.stringify(options.body) }),
    ...(options.signal === undefined ? {} : { signal: options.signal }),
  });
}

function refusal(response: Response, body: unknown, options: RequestOptions): ApiError {
  if (response.status === 401 && options.authRequest !== true) onUnauthorized?.();
  const { code, message } = errorMessage(body, response.status);
  const retryAfter = response.headers.get('retry-after');
  const detail = (body as { error?: { issues?: ApiError['issues']; fields?: ApiError['fields'] } } | undefined)?.error;
  return new ApiError(
    response.status,
    code,
    message,
    retryAfter === null ? null : Number(retryAfter),
    detail?.issues ?? [],
    detail?.fields ?? [],
  );
}
