import type { Answer } from './answer-type.js';
import type * as answers from './answers/auth.js';

import { USER_ROLES } from './vocabularies.js';
export { USER_ROLES } from './vocabularies.js';
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
