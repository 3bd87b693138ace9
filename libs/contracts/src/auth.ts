/** The roles of accounts and API tokens (apps/api/src/auth/roles.ts is the source). */
export type UserRoleName = 'sales' | 'presales' | 'manager' | 'analyst' | 'auditor' | 'admin';

export interface SignedInUser {
  readonly id: string;
  readonly name: string;
  readonly role: UserRoleName;
}

/** `POST /api/auth/login`, `POST /api/auth/token`, `GET /api/auth/me`. */
export interface SessionResponse {
  readonly user: SignedInUser;
  /** Send as `X-CSRF-Token` on every request that changes something. Absent for a bearer token. */
  readonly csrfToken?: string;
  readonly via: 'session' | 'token';
  /** The API token this request came with (via `token`), so a client can revoke its own. */
  readonly tokenId?: string;
}

/** `GET /api/auth/providers`: what the sign-in page offers. */
export interface SignInProvidersResponse {
  readonly password: true;
  readonly oidc: null | { readonly name: string; readonly loginUrl: string };
}

/** `POST /api/tokens`: the secret is in this answer only. */
export interface CreatedTokenResponse {
  readonly token: string;
  readonly tokenInfo: ApiTokenInfo;
}

export interface ApiTokenInfo {
  readonly id: string;
  readonly name: string;
  readonly role: UserRoleName;
  readonly ownerId: string;
  readonly actsAs: string;
  readonly createdAt: string;
  readonly expiresAt: string | null;
  readonly revokedAt: string | null;
  readonly lastUsedAt: string | null;
  readonly state: 'active' | 'expired' | 'revoked';
}

export interface AccountInfo {
  readonly id: string;
  readonly username: string;
  readonly name: string;
  readonly role: UserRoleName;
  readonly signIn: readonly ('password' | 'oidc')[];
  readonly disabled: boolean;
  readonly createdAt: string;
}
