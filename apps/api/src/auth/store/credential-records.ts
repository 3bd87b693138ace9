import type { SignInMethod } from '../principal.js';
import type { UserRole } from '../roles.js';

export interface AccountRecord {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: UserRole;
  /** Absent for accounts that only sign in through the OpenID provider. */
  readonly passwordHash: string | null;
  readonly oidcSubject: string | null;
  readonly disabledAt: string | null;
  readonly createdAt: string;
}

export interface TokenRecord {
  readonly id: string;
  readonly name: string;
  readonly hash: string;
  /** The account that made it, and may list and revoke it. */
  readonly ownerId: string;
  /** Who its calls act as: the owner, or `svc-<id>` for a service token of another role. */
  readonly actorId: string;
  readonly role: UserRole;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
}

export interface SessionRecord {
  readonly keyHash: string;
  readonly accountId: string;
  readonly csrfToken: string;
  readonly method: SignInMethod;
  readonly createdAt: string;
  readonly expiresAt: string;
}
