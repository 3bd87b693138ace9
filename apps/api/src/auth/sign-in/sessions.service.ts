import { Inject, Injectable } from '@nestjs/common';
import { randomBytes } from 'node:crypto';
import { CLOCK, type Clock } from '../../infrastructure/tokens.js';
import { CREDENTIAL_STORE } from '../auth-tokens.js';
import type { Authentication, SignInMethod } from '../principal.js';
import { newSecret, secretHash } from '../secrets.js';
import { SESSION_LIFETIME_MS } from '../session-policy.js';
import type { CredentialStore } from '../store/credential-store.js';

/** A new browser session: the key goes into the HttpOnly cookie, the CSRF token to the page. */
export interface StartedSession {
  readonly key: string;
  readonly csrfToken: string;
  readonly expiresAt: Date;
}

/** Browser sessions, kept server-side so that signing out or disabling an account ends them at once. */
@Injectable()
export class SessionsService {
  constructor(
    @Inject(CREDENTIAL_STORE) private readonly store: CredentialStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  start(accountId: string, method: SignInMethod): StartedSession {
    const now = this.clock();
    this.store.deleteExpiredSessions(now.toISOString());
    const key = newSecret('');
    const csrfToken = randomBytes(24).toString('base64url');
    const expiresAt = new Date(now.getTime() + SESSION_LIFETIME_MS);
    this.store.insertSession({
      keyHash: secretHash(key),
      accountId,
      csrfToken,
      method,
      createdAt: now.toISOString(),
      expiresAt: expiresAt.toISOString(),
    });
    return { key, csrfToken, expiresAt };
  }

  /** The caller behind a session cookie; undefined when it is unknown, ended or expired. */
  authenticate(key: string): Authentication | undefined {
    const keyHash = secretHash(key);
    const session = this.store.sessionByKeyHash(keyHash);
    if (session === undefined) return undefined;
    if (Date.parse(session.expiresAt) <= this.clock().getTime()) {
      this.store.deleteSession(keyHash);
      return undefined;
    }
    const account = this.store.accountById(session.accountId);
    if (account === undefined || account.disabledAt !== null) return undefined;
    return {
      kind: 'session',
      sessionKey: key,
      csrfToken: session.csrfToken,
      method: session.method,
      principal: { id: account.id, name: account.name, role: account.role },
    };
  }

  end(key: string): void {
    this.store.deleteSession(secretHash(key));
  }
}
