import type { ApiErrorBody } from '@presales/contracts';
import { CliError } from './cli-error.js';
import { authorizationFor } from './platform-credentials.js';

export function platformUrl(options: Readonly<Record<string, string>>): string {
  return options['url'] ?? process.env['PRESALES_URL'] ?? 'http://localhost:3000';
}

/** What to tell someone the platform did not recognise: how to sign in from here. */
export const SIGN_IN_HINT = 'sign in with `presales login` (or set PRESALES_TOKEN to an API token)';

export function unreachable(base: string, error: unknown): CliError {
  return new CliError(
    `cannot reach the platform at ${base} (${(error as Error).message}); start it with presales start or pass --url`,
  );
}

/** The API's message for a failed answer, with what to do about a 401. */
export function failureMessage(status: number, body: unknown): string {
  const message = (body as ApiErrorBody | undefined)?.error?.message ?? `HTTP ${status}`;
  return status === 401 ? `${message}; ${SIGN_IN_HINT}` : message;
}

/** Call the platform's API with this machine's token, returning the JSON body or throwing a CliError with the API's message. */
export async function callPlatform<T>(
  base: string,
  path: string,
  init: { method?: string; body?: unknown; headers?: Record<string, string> } = {},
): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', ...authorizationFor(base), ...init.headers },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (error) {
    throw unreachable(base, error);
  }
  const text = await response.text();
  let body: unknown = undefined;
  try {
    body = text === '' ? undefined : JSON.parse(text);
  } catch {
    // not JSON: the status says enough
  }
  if (!response.ok) throw new CliError(failureMessage(response.status, body));
  return body as T;
}
