import { BadRequestException, Inject, Injectable, UnauthorizedException } from '@nestjs/common';
import { CREDENTIAL_STORE } from '../auth-tokens.js';
import { spendPasswordCheck, verifyPassword } from '../password-hash.js';
import type { Principal, SignInMethod } from '../principal.js';
import { PLATFORM_ACTOR, SecurityLog } from '../security-log.js';
import type { AccountRecord } from '../store/credential-records.js';
import type { CredentialStore } from '../store/credential-store.js';
import { ApiTokensService } from '../tokens/api-tokens.service.js';
import { SessionsService, type StartedSession } from './sessions.service.js';
import { SignInThrottle } from './sign-in-throttle.js';

export interface SignedIn {
  readonly principal: Principal;
  readonly session: StartedSession;
}

/** The one refusal for a wrong username or password: it must not tell which of the two was wrong. */
const BAD_CREDENTIALS = 'the username or password is not correct';

/**
 * Signing in opens a browser session. Every outcome is a security event; failures are throttled
 * per username and client (SignInThrottle) before any password is checked.
 */
@Injectable()
export class SignInService {
  constructor(
    @Inject(CREDENTIAL_STORE) private readonly store: CredentialStore,
    private readonly sessions: SessionsService,
    private readonly tokens: ApiTokensService,
    private readonly throttle: SignInThrottle,
    private readonly securityLog: SecurityLog,
  ) {}

  async withPassword(username: string, password: string, client: string): Promise<SignedIn> {
    await this.throttle.check(username, client);
    const account = this.store.accountByUsername(username);
    if (account === undefined || account.passwordHash === null) {
      await spendPasswordCheck(password);
      return this.refuse(
        username,
        'password',
        account === undefined ? 'unknown username' : 'account has no password',
        client,
      );
    }
    if (!(await verifyPassword(password, account.passwordHash)))
      return this.refuse(username, 'password', 'wrong password', client);
    if (account.disabledAt !== null) return this.refuse(username, 'password', 'account disabled', client);
    await this.throttle.succeeded(username, client);
    return this.open(account, 'password', client);
  }

  /** A personal API token opens a session of its account (how the first admin signs in to the dashboard). */
  async withToken(secret: string, client: string): Promise<SignedIn> {
    await this.throttle.check('token', client);
    let tokenPrincipal: Principal;
    try {
      tokenPrincipal = this.tokens.authenticate(secret).principal;
    } catch (error) {
      return this.refuse('token', 'token', error instanceof Error ? error.message : 'token not valid', client);
    }
    const account = this.store.accountById(tokenPrincipal.id);
    if (account === undefined)
      throw new BadRequestException(
        'a service token cannot open a browser session: send it as `Authorization: Bearer <token>` instead',
      );
    return this.open(account, 'token', client);
  }

  /** After the OpenID provider vouched for the account (OidcSignIn found or made it). */
  async withOidc(account: AccountRecord, client: string): Promise<SignedIn> {
    if (account.disabledAt !== null) return this.refuse(account.username, 'oidc', 'account disabled', client);
    return this.open(account, 'oidc', client);
  }

  async signOut(principal: Principal, sessionKey: string): Promise<void> {
    this.sessions.end(sessionKey);
    await this.securityLog.record(
      { type: 'SignedOut', data: { accountId: principal.id } },
      { id: principal.id, role: principal.role },
    );
  }

  private async open(account: AccountRecord, method: SignInMethod, client: string): Promise<SignedIn> {
    const session = this.sessions.start(account.id, method);
    await this.securityLog.record(
      { type: 'SignedIn', data: { accountId: account.id, method, client } },
      { id: account.id, role: account.role },
    );
    return { principal: { id: account.id, name: account.name, role: account.role }, session };
  }

  private async refuse(username: string, method: SignInMethod, reason: string, client: string): Promise<never> {
    await this.throttle.failed(username, client);
    await this.securityLog.record(
      { type: 'SignInFailed', data: { username: username.slice(0, 200), method, reason, client } },
      PLATFORM_ACTOR,
    );
    throw new UnauthorizedException(method === 'password' ? BAD_CREDENTIALS : `sign-in refused: ${reason}`);
  }
}
