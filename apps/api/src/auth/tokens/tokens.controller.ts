import { BadRequestException, Body, Controller, Delete, Get, HttpCode, Param, Post } from '@nestjs/common';
import type { ApiTokenInfo, CreatedTokenResponse } from '@presales/contracts';
import { validate } from '@presales/domain';
import { SignedIn } from '../access/access-rule.js';
import { CurrentPrincipal } from '../access/current-principal.decorator.js';
import { CreateTokenBody } from '../auth-schemas.js';
import { parseDuration } from '../durations.js';
import type { Principal } from '../principal.js';
import { TOKEN_DEFAULT_LIFETIME_MS, TOKEN_MAX_LIFETIME_MS } from '../session-policy.js';
import { ApiTokensService } from './api-tokens.service.js';
import { Published } from '../../openapi/published.js';
import * as answers from '@presales/contracts/answers';

/** API tokens for the CLI and integrations: anyone signed in manages their own; admins every one. */
@Controller('api/tokens')
export class TokensController {
  constructor(private readonly tokens: ApiTokensService) {}

  @Post()
  @Published({ body: CreateTokenBody, response: answers.CreatedTokenResponse })
  @HttpCode(201)
  @SignedIn()
  async create(@Body() body: unknown, @CurrentPrincipal() principal: Principal): Promise<CreatedTokenResponse> {
    const request = validate(CreateTokenBody, body ?? {}, 'POST /api/tokens');
    const lifetimeMs =
      request.expiresIn === undefined
        ? TOKEN_DEFAULT_LIFETIME_MS
        : typeof request.expiresIn === 'number'
          ? request.expiresIn * 1000
          : parseDuration(request.expiresIn);
    if (lifetimeMs === undefined || lifetimeMs <= 0 || lifetimeMs > TOKEN_MAX_LIFETIME_MS) {
      throw new BadRequestException(
        `POST /api/tokens: expiresIn ${JSON.stringify(request.expiresIn)} must be a duration such as 90d, 12h or 30m, at most 366d`,
      );
    }
    const { token, view } = await this.tokens.create(principal, {
      name: request.name,
      role: request.role ?? principal.role,
      lifetimeMs,
    });
    return { token, tokenInfo: view };
  }

  @Get()
  @Published({ response: answers.ApiTokenList })
  @SignedIn()
  list(@CurrentPrincipal() principal: Principal): { tokens: ApiTokenInfo[] } {
    return { tokens: this.tokens.list(principal) };
  }

  @Delete(':id')
  @Published({ response: answers.ApiTokenInfo })
  @SignedIn()
  revoke(@Param('id') id: string, @CurrentPrincipal() principal: Principal): Promise<ApiTokenInfo> {
    return this.tokens.revoke(principal, id);
  }
}
