import { Body, Controller, Get, HttpCode, Inject, Post, Req, Res } from '@nestjs/common';
import type { SessionResponse, SignInProvidersResponse } from '@presales/contracts';
import { validate } from '@presales/domain';
import type { Request, Response } from 'express';
import { Public, SignedIn } from '../access/access-rule.js';
import { CurrentAuthentication } from '../access/current-principal.decorator.js';
import { PasswordSignInBody, TokenSignInBody } from '../auth-schemas.js';
import { OIDC_CONFIG } from '../auth-tokens.js';
import type { OidcConfig } from '../oidc/oidc-config.js';
import type { Authentication } from '../principal.js';
import { clientAddress } from './client-address.js';
import { clearSessionCookie, setSessionCookie } from './session-cookie.js';
import { SignInService, type SignedIn as SignedInResult } from './sign-in.service.js';
import { Published } from '../../openapi/published.js';
import * as answers from '@presales/contracts/answers';

function sessionResponse(signedIn: SignedInResult): SessionResponse {
  return { user: signedIn.principal, csrfToken: signedIn.session.csrfToken, via: 'session' };
}

@Controller('api/auth')
export class AuthController {
  constructor(
    private readonly signIn: SignInService,
    @Inject(OIDC_CONFIG) private readonly oidc: OidcConfig | undefined,
  ) {}

  @Get('providers')
  @Published({ response: answers.SignInProvidersResponse })
  @Public('the sign-in page asks what to offer before anyone is signed in')
  providers(): SignInProvidersResponse {
    return {
      password: true,
      oidc: this.oidc === undefined ? null : { name: this.oidc.displayName, loginUrl: '/api/auth/oidc/login' },
    };
  }

  @Post('login')
  @Published({ body: PasswordSignInBody, response: answers.SessionResponse })
  @HttpCode(200)
  @Public('signing in with a username and password')
  async login(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const { username, password } = validate(PasswordSignInBody, body ?? {}, 'POST /api/auth/login');
    const signedIn = await this.signIn.withPassword(username, password, clientAddress(request));
    setSessionCookie(request, response, signedIn.session);
    return sessionResponse(signedIn);
  }

  @Post('token')
  @Published({ body: TokenSignInBody, response: answers.SessionResponse })
  @HttpCode(200)
  @Public('signing in to the dashboard with a personal API token')
  async withToken(
    @Body() body: unknown,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<SessionResponse> {
    const { token } = validate(TokenSignInBody, body ?? {}, 'POST /api/auth/token');
    const signedIn = await this.signIn.withToken(token, clientAddress(request));
    setSessionCookie(request, response, signedIn.session);
    return sessionResponse(signedIn);
  }

  @Get('me')
  @Published({ response: answers.SessionResponse })
  @SignedIn()
  me(@CurrentAuthentication() authentication: Authentication): SessionResponse {
    return authentication.kind === 'session'
      ? { user: authentication.principal, csrfToken: authentication.csrfToken, via: 'session' }
      : { user: authentication.principal, via: 'token', tokenId: authentication.tokenId };
  }

  @Post('logout')
  @HttpCode(204)
  @SignedIn()
  async logout(
    @CurrentAuthentication() authentication: Authentication,
    @Req() request: Request,
    @Res({ passthrough: true }) response: Response,
  ): Promise<void> {
    // A bearer token is ended by revoking it (DELETE /api/tokens/:id), not by signing out.
    if (authentication.kind === 'session')
      await this.signIn.signOut(authentication.principal, authentication.sessionKey);
    clearSessionCookie(request, response);
  }
}
