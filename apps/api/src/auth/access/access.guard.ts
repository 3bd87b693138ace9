import {
  BadRequestException,
  Inject,
  ForbiddenException,
  Injectable,
  UnauthorizedException,
  type CanActivate,
  type ExecutionContext,
} from '@nestjs/common';
import { Reflector } from '@nestjs/core';
import type { Request } from 'express';
import { timingSafeEqual } from 'node:crypto';
import type { AppConfig } from '@presales/platform-config';
import { APP_CONFIG } from '../../infrastructure/tokens.js';
import { CSRF_HEADER } from '../session-policy.js';
import { ACCESS } from './access-rule.js';
import { Authenticator } from './authenticator.js';
import { rememberAuthentication } from './request-authentication.js';

const SAFE_METHODS: ReadonlySet<string> = new Set(['GET', 'HEAD', 'OPTIONS']);

/**
 * The one place access is decided, for every route (a global guard): deny by default. A route
 * without an access rule is refused, so a forgotten declaration fails closed (and the route-table
 * test names it). Credentials come from Authenticator only; a browser session must also send its
 * CSRF token on every request that changes something.
 */
@Injectable()
export class AccessGuard implements CanActivate {
  constructor(
    private readonly reflector: Reflector,
    private readonly authenticator: Authenticator,
    @Inject(APP_CONFIG) private readonly config: AppConfig,
  ) {}

  canActivate(context: ExecutionContext): boolean {
    const request = context.switchToHttp().getRequest<Request>();
    const what = `${request.method} ${request.route?.path ?? request.path}`;
    const rule = this.reflector.getAllAndOverride(ACCESS, [context.getHandler(), context.getClass()]);
    if (rule === undefined)
      throw new ForbiddenException(`${what}: denied by default, the route declares no access rule`);
    // Refused rather than ignored, so a client still relying on them learns at once that they no longer work.
    const declared = Object.keys(request.headers).filter((name) => name.startsWith('x-actor-'));
    if (declared.length > 0)
      throw new BadRequestException(
        `header ${declared.join(', ')} is not accepted: the actor is whoever signed in (session cookie or Authorization: Bearer <token>)`,
      );
    if (rule.kind === 'public') return true;
    if (rule.orMetricsToken === true && this.presentsMetricsToken(request)) return true;
    const authentication = this.authenticator.authenticate(request);
    if (authentication === undefined)
      throw new UnauthorizedException(`${what}: sign in first (session cookie, or Authorization: Bearer <token>)`);
    if (
      authentication.kind === 'session' &&
      !SAFE_METHODS.has(request.method) &&
      !sameSecret(request.headers[CSRF_HEADER], authentication.csrfToken)
    ) {
      throw new ForbiddenException(`${what}: a signed-in browser must send its CSRF token in the X-CSRF-Token header`);
    }
    if (!rule.roles.includes(authentication.principal.role)) {
      throw new ForbiddenException(
        `${what}: role ${authentication.principal.role} may not do this; allowed: ${rule.roles.join(', ')}`,
      );
    }
    rememberAuthentication(request, authentication);
    return true;
  }

  /** The scrape token is no user: it opens the routes that say so and nothing else, never with a role. */
  private presentsMetricsToken(request: Request): boolean {
    const token = this.config.metricsToken;
    const match = /^Bearer\s+(\S{1,512})$/i.exec(request.headers.authorization ?? '');
    return token !== undefined && match !== null && sameSecret(match[1], token);
  }
}

function sameSecret(sent: string | string[] | undefined, expected: string): boolean {
  if (typeof sent !== 'string') return false;
  const a = Buffer.from(sent);
  const b = Buffer.from(expected);
  return a.length === b.length && timingSafeEqual(a, b);
}
