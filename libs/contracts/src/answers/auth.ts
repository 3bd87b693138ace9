import { z } from 'zod';
import { USER_ROLES } from '../vocabularies.js';
import { UtcTime } from './common.js';

export const SignedInUser = z.object({ id: z.string(), name: z.string(), role: z.enum(USER_ROLES) });

/** `POST /api/auth/login`, `POST /api/auth/token`, `GET /api/auth/me`. */
export const SessionResponse = z.object({
  user: SignedInUser,
  csrfToken: z
    .string()
    .optional()
    .meta({ description: 'send as `X-CSRF-Token` on every request that changes something; absent for a bearer token' }),
  via: z.enum(['session', 'token']),
  tokenId: z
    .string()
    .optional()
    .meta({ description: 'the API token this request came with (via `token`), so a client can revoke its own' }),
});

/** `GET /api/auth/providers`: what the sign-in page offers. */
export const SignInProvidersResponse = z.object({
  password: z.literal(true),
  oidc: z.object({ name: z.string(), loginUrl: z.string() }).nullable(),
});

export const ApiTokenInfo = z.object({
  id: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  ownerId: z.string(),
  actsAs: z.string(),
  createdAt: UtcTime,
  expiresAt: UtcTime.nullable(),
  revokedAt: UtcTime.nullable(),
  lastUsedAt: UtcTime.nullable(),
  state: z.enum(['active', 'expired', 'revoked']),
});
export const ApiTokenList = z.object({ tokens: z.array(ApiTokenInfo) });

/** `POST /api/tokens`: the secret is in this answer only. */
export const CreatedTokenResponse = z.object({
  token: z.string().meta({ examples: ['psl_…'] }),
  tokenInfo: ApiTokenInfo,
});

export const AccountInfo = z.object({
  id: z.string(),
  username: z.string(),
  name: z.string(),
  role: z.enum(USER_ROLES),
  signIn: z.array(z.enum(['password', 'oidc'])),
  disabled: z.boolean(),
  createdAt: UtcTime,
});
export const AccountList = z.object({ users: z.array(AccountInfo) });
