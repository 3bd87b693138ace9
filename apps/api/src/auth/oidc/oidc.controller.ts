import { Controller, Get, NotFoundException, Query, Req, Res } from '@nestjs/common';
import { parse as parseCookies } from 'cookie';
import type { Request, Response } from 'express';
import { Public } from '../access/access-rule.js';
import { clientAddress } from '../sign-in/client-address.js';
import { setSessionCookie } from '../sign-in/session-cookie.js';
import { SignInService } from '../sign-in/sign-in.service.js';
import { OidcSignInService } from './oidc-sign-in.service.js';

const PENDING_COOKIE = 'presales_oidc';

/** Only a path of this site: an open redirect after sign-in would hand the session's page to anyone. */
function safeReturnTo(value: unknown): string {
  return typeof value === 'string' && /^\/(?![/\\])[^\s]*$/.test(value) && value.length <= 2000 ? value : '/';
}

@Controller('api/auth/oidc')
export class OidcController {
  constructor(
    private readonly oidc: OidcSignInService,
    private readonly signIn: SignInService,
  ) {}

  @Get('login')
  @Public('starts a sign-in at the OpenID provider')
  async login(@Query('returnTo') returnTo: unknown, @Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException('no OpenID provider is configured (OIDC_ISSUER)');
    const { url, pendingId } = await this.oidc.begin(this.oidc.redirectUri(request), safeReturnTo(returnTo));
    // Lax, not Strict: the provider's redirect back is a cross-site navigation that must carry it.
    response.cookie(PENDING_COOKIE, pendingId, {
      httpOnly: true,
      sameSite: 'lax',
      secure: request.secure,
      path: '/api/auth/oidc',
      maxAge: 10 * 60 * 1000,
    });
    response.redirect(302, url.href);
  }

  @Get('callback')
  @Public('the OpenID provider sends the browser back here with a code')
  async callback(@Req() request: Request, @Res() response: Response): Promise<void> {
    if (!this.oidc.enabled) throw new NotFoundException('no OpenID provider is configured (OIDC_ISSUER)');
    const pendingId = parseCookies(request.headers.cookie ?? '')[PENDING_COOKIE];
    const callbackUrl = new URL(request.originalUrl, this.oidc.redirectUri(request));
    const { account, returnTo } = await this.oidc.complete(pendingId, callbackUrl, clientAddress(request));
    const signedIn = await this.signIn.withOidc(account, clientAddress(request));
    response.clearCookie(PENDING_COOKIE, { path: '/api/auth/oidc' });
    setSessionCookie(request, response, signedIn.session);
    response.redirect(302, returnTo);
  }
}
