import { failureMessage, PlatformRequestError, unreachable } from './platform-client.js';
import { authorizationFor } from './platform-credentials.js';

export interface RawAnswer {
  readonly bytes: Buffer;
  readonly headers: Headers;
}

/**
 * GET an audit endpoint with this machine's token, keeping the body's bytes as they came (an evidence pack, a
 * KPI snapshot whose bytes are the point). Errors carry the API's message.
 */
export async function getRaw(base: string, path: string): Promise<RawAnswer> {
  let response: Response;
  try {
    response = await fetch(new URL(path, base), { headers: authorizationFor(base) });
  } catch (error) {
    throw unreachable(base, error);
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (!response.ok) {
    let body: unknown = undefined;
    try {
      body = JSON.parse(bytes.toString('utf8'));
    } catch {
      // not a JSON error body: the status says enough
    }
    throw new PlatformRequestError(failureMessage(response.status, body));
  }
  return { bytes, headers: response.headers };
}

export async function getJson<T>(base: string, path: string): Promise<T> {
  return JSON.parse((await getRaw(base, path)).bytes.toString('utf8')) as T;
}
