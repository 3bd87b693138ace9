import type { Request } from 'express';
import type { Authentication } from '../principal.js';

/** What the access guard learnt about a request, for the parameter decorators that follow it. */
const authentications = new WeakMap<Request, Authentication>();

export function rememberAuthentication(request: Request, authentication: Authentication): void {
  authentications.set(request, authentication);
}

export function authenticationOf(request: Request): Authentication | undefined {
  return authentications.get(request);
}
