import { Injectable, UnauthorizedException } from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import type { Request } from 'express';
import type { Authentication } from '../principal.js';
import { SESSION_COOKIE } from '../session-policy.js';
import { SessionsService } from '../sign-in/sessions.service.js';
import { ApiTokensService } from '../tokens/api-tokens.service.js';

/**
 * Who is calling: `Authorization: Bearer <token>` (CLI, integrations) or the session cookie (the
 * dashboard). Nothing else in a request names a caller.
 */
@Injectable()
export class Authenticator {
  constructor(
    private readonly tokens: ApiTokensService,
    private readonly sessions: SessionsService,
  ) {}

  /** undefined: no credentials at all. A bearer token that is not valid is a 401, never anonymous. */
  authenticate(request: Request): Authentication | undefined {
    const authorization = request.headers.authorization;
    if (authorization !== undefined) {
      const match = /^Bearer\s+(\S{1,512})$/i.exec(authorization);
      if (match === null) throw new UnauthorizedException('the Authorization header must be `Bearer <token>`');
      return this.tokens.authenticate(match[1]!);
    }
    const cookieHeader = request.headers.cookie;
    if (cookieHeader === undefined || cookieHeader.length > 8192) return undefined;
    const key = parseCookies(cookieHeader)[SESSION_COOKIE];
    return key === undefined || key.length > 512 ? undefined : this.sessions.authenticate(key);
  }
}
