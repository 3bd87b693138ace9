import type { Answer } from './answer-type.js';
import type * as answers from './answers/auth.js';

/**
 * The roles an account or API token can hold, for the API and its clients alike. `system` (the
 * platform's own) and `consultant` (the former name of `presales`, in old events) are actor roles
 * of the domain that no person is given.
 */
export const USER_ROLES = ['sales', 'presales', 'manager', 'analyst', 'auditor', 'admin'] as const;
export type UserRoleName = (typeof USER_ROLES)[number];

export type SignedInUser = Answer<typeof answers.SignedInUser>;
/** `POST /api/auth/login`, `POST /api/auth/token`, `GET /api/auth/me`. */
export type SessionResponse = Answer<typeof answers.SessionResponse>;
/** `GET /api/auth/providers`: what the sign-in page offers. */
export type SignInProvidersResponse = Answer<typeof answers.SignInProvidersResponse>;
/** `POST /api/tokens`: the secret is in this answer only. */
export type CreatedTokenResponse = Answer<typeof answers.CreatedTokenResponse>;
export type ApiTokenInfo = Answer<typeof answers.ApiTokenInfo>;
export type AccountInfo = Answer<typeof answers.AccountInfo>;
