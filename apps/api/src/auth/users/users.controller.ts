import { Body, Controller, Get, HttpCode, Param, Patch, Post } from '@nestjs/common';
import type { AccountInfo } from '@presales/contracts';
import { validate, type Actor } from '@presales/domain';
import { Allow } from '../access/access-rule.js';
import { CurrentActor } from '../access/current-principal.decorator.js';
import { ChangeAccountBody, CreateAccountBody } from '../auth-schemas.js';
import { AccountsService } from './accounts.service.js';
import { Published } from '../../openapi/published.js';
import * as answers from '@presales/contracts/answers';

/** People's accounts, managed by admins. */
@Controller('api/users')
export class UsersController {
  constructor(private readonly accounts: AccountsService) {}

  @Get()
  @Published({ response: answers.AccountList })
  @Allow('admin')
  list(): { users: AccountInfo[] } {
    return { users: this.accounts.list() };
  }

  @Post()
  @Published({ body: CreateAccountBody, response: answers.AccountInfo })
  @HttpCode(201)
  @Allow('admin')
  create(@Body() body: unknown, @CurrentActor() actor: Actor): Promise<AccountInfo> {
    return this.accounts.create(validate(CreateAccountBody, body ?? {}, 'POST /api/users'), 'local', actor);
  }

  @Patch(':id')
  @Published({ body: ChangeAccountBody, response: answers.AccountInfo })
  @Allow('admin')
  change(@Param('id') id: string, @Body() body: unknown, @CurrentActor() actor: Actor): Promise<AccountInfo> {
    return this.accounts.change(id, validate(ChangeAccountBody, body ?? {}, `PATCH /api/users/${id}`), actor);
  }
}
