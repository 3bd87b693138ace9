import type { Request, Response } from 'express';
import { SESSION_COOKIE } from '../session-policy.js';
import type { StartedSession } from './sessions.service.js';

/**
 * HttpOnly: no script reads it. SameSite=Strict: no other site's page sends it, which with the
 * CSRF token closes cross-site requests twice. Secure whenever the request came over HTTPS.
 */
export function setSessionCookie(request: Request, response: Response, session: StartedSession): void {
  response.cookie(SESSION_COOKIE, session.key, {
    httpOnly: true,
    sameSite: 'strict',
    secure: request.secure,
    path: '/',
    expires: session.expiresAt,
  });
}

export function clearSessionCookie(request: Request, response: Response): void {
  response.clearCookie(SESSION_COOKIE, { httpOnly: true, sameSite: 'strict', secure: request.secure, path: '/' });
}
