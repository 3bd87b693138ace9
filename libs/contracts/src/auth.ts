/**
 * The roles an account or API token can hold, for the API and its clients alike. `system` (the
 * platform's own) and `consultant` (the former name of `presales`, in old events) are actor roles
 * of the domain that no person is given.
 */
export const USER_ROLES = ['sales', 'presales', 'manager', 'analyst', 'auditor', 'admin'] as const;
export type UserRoleName = (typeof USER_ROLES)[number];

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
