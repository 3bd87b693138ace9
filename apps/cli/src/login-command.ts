import type { CreatedTokenResponse, SessionResponse } from '@presales/contracts';
import { hostname } from 'node:os';
import { callPlatform, platformUrl } from './platform-client.js';
import { CliError } from './cli-error.js';
import { forgetToken, saveToken, tokenFor } from './platform-credentials.js';
import { readSecret } from './read-secret.js';

/**
 * `presales login --username NAME`: signs in with the password, makes a personal API token for
 * this machine (90 days) and keeps it; `--token TOKEN` keeps a token made elsewhere once the
 * platform accepts it. Every later call to that platform sends it.
 */
export async function runLogin(options: Readonly<Record<string, string>>): Promise<number> {
  const base = platformUrl(options);
  try {
    if (options['token'] !== undefined) {
      const me = await callPlatform<SessionResponse>(base, '/api/auth/me', {
        headers: { authorization: `Bearer ${options['token']}` },
      });
      saveToken(base, options['token']);
      console.log(`signed in to ${base} as ${me.user.name} (${me.user.id}, ${me.user.role}) with the given token`);
      return 0;
    }
    const username = options['username'];
    if (username === undefined) {
      console.error('presales login: give --username NAME (the password is asked for) or --token TOKEN');
      return 2;
    }
    const password = await readSecret(`password for ${username} at ${base}: `);
    const signedIn = await signIn(base, username, password);
    const made = await callPlatform<CreatedTokenResponse>(base, '/api/tokens', {
      method: 'POST',
      headers: { cookie: signedIn.cookie, 'x-csrf-token': signedIn.csrfToken },
      body: { name: `presales CLI on ${hostname()}`.slice(0, 200), expiresIn: '90d' },
    });
    await callPlatform(base, '/api/auth/logout', {
      method: 'POST',
      headers: { cookie: signedIn.cookie, 'x-csrf-token': signedIn.csrfToken },
    });
    saveToken(base, made.token);
    console.log(
      `signed in to ${base} as ${signedIn.user}; token ${made.tokenInfo.id} kept until ${made.tokenInfo.expiresAt} (presales logout to revoke it)`,
    );
    return 0;
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(`presales login: ${error.message}`);
    return 1;
  }
}

/** `presales logout`: revokes the kept token at the platform, then forgets it. */
export async function runLogout(options: Readonly<Record<string, string>>): Promise<number> {
  const base = platformUrl(options);
  if (tokenFor(base) === undefined) {
    console.log(`no token kept for ${base}`);
    return 0;
  }
  try {
    const me = await callPlatform<SessionResponse>(base, '/api/auth/me');
    if (me.tokenId !== undefined)
      await callPlatform(base, `/api/tokens/${encodeURIComponent(me.tokenId)}`, { method: 'DELETE' });
  } catch (error) {
    if (!(error instanceof CliError)) throw error;
    console.error(
      `presales logout: the platform did not revoke the token (${error.message}); forgetting it here anyway`,
    );
  }
  forgetToken(base);
  console.log(`signed out of ${base}`);
  return 0;
}

async function signIn(
  base: string,
  username: string,
  password: string,
): Promise<{ cookie: string; csrfToken: string; user: string }> {
  let response: Response;
  try {
    response = await fetch(new URL('/api/auth/login', base), {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ username, password }),
    });
  } catch (error) {
    throw new CliError(`cannot reach the platform at ${base} (${(error as Error).message})`);
  }
  const body = (await response.json()) as SessionResponse & { error?: { message: string } };
  if (!response.ok) throw new CliError(body.error?.message ?? `HTTP ${response.status}`);
  const cookie = (response.headers.getSetCookie()[0] ?? '').split(';')[0]!;
  return { cookie, csrfToken: body.csrfToken!, user: `${body.user.name} (${body.user.id}, ${body.user.role})` };
}
