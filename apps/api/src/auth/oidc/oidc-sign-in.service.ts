import { ForbiddenException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import type { Configuration } from 'openid-client';
import { randomBytes } from 'node:crypto';
import { CLOCK, type Clock } from '../../infrastructure/tokens.js';
import { CREDENTIAL_STORE, OIDC_CONFIG } from '../auth-tokens.js';
import { PLATFORM_ACTOR, SecurityLog } from '../security-log.js';
import type { AccountRecord } from '../store/credential-records.js';
import type { CredentialStore } from '../store/credential-store.js';
import { AccountsService } from '../users/accounts.service.js';
import { roleFromClaims, type OidcConfig } from './oidc-config.js';

/** A sign-in on its way through the provider: what the callback must find again. */
interface PendingSignIn {
  readonly state: string;
  readonly codeVerifier: string;
  readonly redirectUri: string;
  readonly returnTo: string;
  readonly expiresAt: number;
}

/** A browser has ten minutes at the provider before its sign-in is forgotten. */
const PENDING_MS = 10 * 60 * 1000;
const MAX_PENDING = 10_000;

type OpenIdClient = typeof import('openid-client');

/**
 * OpenID Connect, authorization code flow with PKCE (openid-client, certified). The provider's
 * metadata is discovered once; each sign-in keeps its state and code verifier server-side, keyed
 * by a random id in a short-lived cookie. The account is found by the provider's subject or made
 * on first sign-in; its role comes from the claim map at every sign-in, so a change of groups at
 * the provider takes effect at the next sign-in.
 */
@Injectable()
export class OidcSignInService {
  private configuration: Promise<{ readonly client: OpenIdClient; readonly config: Configuration }> | undefined;
  private readonly pending = new Map<string, PendingSignIn>();

  constructor(
    @Inject(OIDC_CONFIG) private readonly oidc: OidcConfig | undefined,
    @Inject(CREDENTIAL_STORE) private readonly store: CredentialStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly accounts: AccountsService,
    private readonly securityLog: SecurityLog,
  ) {}

  get enabled(): boolean {
    return this.oidc !== undefined;
  }

  /** The configured callback, or this platform's own as the browser reached it. */
  redirectUri(request: { readonly protocol: string; get(name: string): string | undefined }): string {
    return (
      this.oidc?.redirectUri ?? `${request.protocol}://${request.get('host') ?? 'localhost'}/api/auth/oidc/callback`
    );
  }

  /** Where to send the browser, and the id of the pending sign-in (for the cookie). */
  async begin(redirectUri: string, returnTo: string): Promise<{ readonly url: URL; readonly pendingId: string }> {
    const { client, config } = await this.discovered();
    const codeVerifier = client.randomPKCECodeVerifier();
    const state = client.randomState();
    const pendingId = randomBytes(24).toString('base64url');
    this.forgetExpired();
    if (this.pending.size >= MAX_PENDING)
      throw new UnauthorizedException('too many sign-ins in progress; try again in a few minutes');
    this.pending.set(pendingId, {
      state,
      codeVerifier,
      redirectUri,
      returnTo,
      expiresAt: this.clock().getTime() + PENDING_MS,
    });
    const url = client.buildAuthorizationUrl(config, {
      redirect_uri: redirectUri,
      scope: 'openid profile email',
      code_challenge: await client.calculatePKCECodeChallenge(codeVerifier),
      code_challenge_method: 'S256',
      state,
    });
    return { url, pendingId };
  }

  /** The provider sent the browser back: exchange the code, find or make the account. */
  async complete(
    pendingId: string | undefined,
    callbackUrl: URL,
    client: string,
  ): Promise<{ readonly account: AccountRecord; readonly returnTo: string }> {
    const pending = pendingId === undefined ? undefined : this.pending.get(pendingId);
    if (pendingId !== undefined) this.pending.delete(pendingId);
    if (pending === undefined || pending.expiresAt <= this.clock().getTime())
      throw new UnauthorizedException('this sign-in was not started here or took longer than 10 minutes; start again');
    const { client: openid, config } = await this.discovered();
    let claims: Record<string, unknown>;
    try {
      const tokens = await openid.authorizationCodeGrant(config, callbackUrl, {
        pkceCodeVerifier: pending.codeVerifier,
        expectedState: pending.state,
        idTokenExpected: true,
      });
      claims = { ...tokens.claims() };
      // Groups are often only in the userinfo answer, not in the ID token.
      if (claims[this.oidc!.roleClaim] === undefined && typeof tokens.access_token === 'string') {
        claims = { ...(await openid.fetchUserInfo(config, tokens.access_token, String(claims['sub']))), ...claims };
      }
    } catch (error) {
      await this.securityLog.record(
        {
          type: 'SignInFailed',
          data: {
            username: 'oidc',
            method: 'oidc',
            reason: error instanceof Error ? error.message.slice(0, 500) : 'provider refused',
            client,
          },
        },
        PLATFORM_ACTOR,
      );
      throw new UnauthorizedException(
        `the OpenID provider's answer was not accepted: ${error instanceof Error ? error.message : String(error)}`,
      );
    }
    return { account: await this.accountFor(claims, client), returnTo: pending.returnTo };
  }

  private async accountFor(claims: Readonly<Record<string, unknown>>, client: string): Promise<AccountRecord> {
    const oidc = this.oidc!;
    const subject = `${oidc.issuer.href}|${String(claims['sub'])}`;
    const username =
      [claims['preferred_username'], claims['email'], claims['sub']].find(
        (value): value is string => typeof value === 'string' && /^[A-Za-z0-9._@-]{1,64}$/.test(value),
      ) ?? `oidc-${randomBytes(6).toString('hex')}`;
    const role = roleFromClaims(oidc, claims);
    if (role === undefined) {
      await this.securityLog.record(
        {
          type: 'SignInFailed',
          data: { username, method: 'oidc', reason: `no role: claim ${oidc.roleClaim} maps to none`, client },
        },
        PLATFORM_ACTOR,
      );
      throw new ForbiddenException(
        `the OpenID provider signed you in as ${username}, but none of your ${oidc.roleClaim} maps to a role here; ask an admin`,
      );
    }
    const name = typeof claims['name'] === 'string' ? claims['name'].slice(0, 200) : username;
    const existing = this.store.accountByOidcSubject(subject);
    if (existing === undefined) {
      const taken = this.store.accountByUsername(username) !== undefined;
      await this.accounts.create(
        {
          username: taken ? `${username}-${randomBytes(3).toString('hex')}` : username,
          name,
          role,
          oidcSubject: subject,
        },
        'oidc',
        PLATFORM_ACTOR,
      );
    } else if (existing.role !== role) {
      await this.accounts.change(existing.id, { role }, PLATFORM_ACTOR);
    }
    return this.store.accountByOidcSubject(subject)!;
  }

  private discovered(): Promise<{ readonly client: OpenIdClient; readonly config: Configuration }> {
    const oidc = this.oidc;
    if (oidc === undefined) throw new UnauthorizedException('no OpenID provider is configured (OIDC_ISSUER)');
    // openid-client is an ES module; this app is CommonJS, so it is loaded with import().
    this.configuration ??= import('openid-client').then(async (client) => {
      const config = await client.discovery(
        oidc.issuer,
        oidc.clientId,
        oidc.clientSecret,
        undefined,
        oidc.allowInsecure ? { execute: [client.allowInsecureRequests] } : undefined,
      );
      return { client, config };
    });
    this.configuration.catch(() => (this.configuration = undefined));
    return this.configuration;
  }

  private forgetExpired(): void {
    const now = this.clock().getTime();
    for (const [id, pending] of this.pending) if (pending.expiresAt <= now) this.pending.delete(id);
  }
}
