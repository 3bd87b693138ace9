import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';

/** A free loopback port, for a server whose own URL must be known before it starts. */
export async function freePort(): Promise<number> {
  const probe = createServer();
  await new Promise<void>((listening) => probe.listen(0, '127.0.0.1', listening));
  const { port } = probe.address() as AddressInfo;
  await new Promise((closed) => probe.close(closed));
  return port;
}

export interface TestOpenIdProvider {
  readonly issuer: string;
  readonly stop: () => Promise<void>;
}

/**
 * A real OpenID provider (oidc-provider, OpenID-certified) on loopback: one confidential client
 * for the platform, PKCE required, and accounts whose `roles` claim the test chooses. Its
 * development login form accepts any login name as the account id.
 */
export async function startOpenIdProvider(options: {
  readonly redirectUri: string;
  readonly rolesOf: (accountId: string) => readonly string[];
}): Promise<TestOpenIdProvider> {
  const { default: Provider } = await import('oidc-provider');
  const port = await freePort();
  const issuer = `http://127.0.0.1:${port}`;
  const provider = new Provider(issuer, {
    clients: [
      {
        client_id: 'presales-ledger',
        client_secret: 'presales-ledger-test-secret',
        redirect_uris: [options.redirectUri],
        grant_types: ['authorization_code'],
        response_types: ['code'],
      },
    ],
    pkce: { required: () => true },
    claims: { openid: ['sub'], profile: ['name', 'preferred_username', 'roles'] },
    findAccount: async (_ctx: unknown, accountId: string) => ({
      accountId,
      claims: async () => ({
        sub: accountId,
        preferred_username: accountId,
        name: `OIDC ${accountId}`,
        roles: [...options.rolesOf(accountId)],
      }),
    }),
  });
  const server: Server = createServer(provider.callback());
  await new Promise<void>((listening) => server.listen(port, '127.0.0.1', listening));
  return { issuer, stop: () => new Promise((closed) => server.close(() => closed())) };
}

/** Cookies by name, as a browser would keep them for one site (paths ignored: the flow is short). */
export class CookieJar {
  private readonly cookies = new Map<string, string>();

  take(response: Response): void {
    for (const line of response.headers.getSetCookie()) {
      const [pair] = line.split(';');
      const at = pair!.indexOf('=');
      const value = pair!.slice(at + 1);
      if (/expires=Thu, 01 Jan 1970/i.test(line) || value === '') this.cookies.delete(pair!.slice(0, at));
      else this.cookies.set(pair!.slice(0, at), value);
    }
  }

  header(): string {
    return [...this.cookies].map(([name, value]) => `${name}=${value}`).join('; ');
  }

  get(name: string): string | undefined {
    return this.cookies.get(name);
  }
}
