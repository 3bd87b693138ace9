import type { ApiErrorBody } from '@presales/contracts';
import { CliError } from './cli-error.js';

export function platformUrl(options: Readonly<Record<string, string>>): string {
  return options['url'] ?? process.env['PRESALES_URL'] ?? 'http://localhost:3000';
}

/** Call the platform's API as `role`, returning the JSON body or throwing with the API's message. */
export async function callPlatform<T>(base: string, path: string, role: string, init: { method?: string; body?: unknown } = {}): Promise<T> {
  let response: Response;
  try {
    response = await fetch(new URL(path, base), {
      method: init.method ?? 'GET',
      headers: { 'content-type': 'application/json', 'x-actor-id': process.env['USER'] ?? 'cli', 'x-actor-role': role },
      ...(init.body === undefined ? {} : { body: JSON.stringify(init.body) }),
    });
  } catch (error) {
    throw new CliError(`cannot reach the platform at ${base} (${(error as Error).message}); start it with presales start or pass --url`);
  }
  const body = (await response.json()) as T | ApiErrorBody;
  if (!response.ok) throw new CliError((body as ApiErrorBody).error?.message ?? `HTTP ${response.status}`);
  return body as T;
}
