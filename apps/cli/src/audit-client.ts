import type { ApiErrorBody } from '@presales/contracts';
import { CliError } from './cli-error.js';

export interface RawAnswer {
  readonly bytes: Buffer;
  readonly headers: Headers;
}

/**
 * GET an audit endpoint as `role`, keeping the body's bytes as they came (an evidence pack, a
 * KPI snapshot whose bytes are the point). Errors carry the API's message.
 */
export async function getRaw(base: string, path: string, role: string): Promise<RawAnswer> {
  let response: Response;
  try {
    response = await fetch(new URL(path, base), { headers: { 'x-actor-id': actorId(), 'x-actor-role': role } });
  } catch (error) {
    throw new CliError(`cannot reach the platform at ${base} (${(error as Error).message}); start it with presales start or pass --url`);
  }
  const bytes = Buffer.from(await response.arrayBuffer());
  if (!response.ok) {
    let message = `HTTP ${response.status}`;
    try {
      message = (JSON.parse(bytes.toString('utf8')) as ApiErrorBody).error?.message ?? message;
    } catch {
      // not a JSON error body: the status says enough
    }
    throw new CliError(message);
  }
  return { bytes, headers: response.headers };
}

export async function getJson<T>(base: string, path: string, role: string): Promise<T> {
  return JSON.parse((await getRaw(base, path, role)).bytes.toString('utf8')) as T;
}

/** Who the audit log will say asked: PRESALES_ACTOR, else the login name (ids match [A-Za-z0-9_-]{1,64}). */
function actorId(): string {
  const name = process.env['PRESALES_ACTOR'] ?? process.env['USER'] ?? 'cli';
  return /^[A-Za-z0-9_-]{1,64}$/.test(name) ? name : 'cli';
}
