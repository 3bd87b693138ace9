import {
  Body,
  ConflictException,
  Controller,
  Delete,
  ForbiddenException,
  Get,
  HttpCode,
  Inject,
  NotFoundException,
  Param,
  Post,
  Put,
} from '@nestjs/common';
import type {
  SavedQueriesResponse,
  SavedQuery,
  SavedQueryVersion,
  SavedQueryVersionsResponse,
} from '@presales/contracts';
import { validate } from '@presales/domain';
import { randomUUID } from 'node:crypto';
import { Allow, SQL_USERS } from '../auth/access/access-rule.js';
import { CurrentPrincipal } from '../auth/access/current-principal.decorator.js';
import type { Principal } from '../auth/principal.js';
import { CLOCK, type Clock } from '../infrastructure/tokens.js';
import { NewSavedQueryBody, NextVersionBody, SAVED_QUERY_ID } from './saved-query-body.js';
import type { WorkbenchStore } from './workbench-store.js';
import { WORKBENCH_STORE } from './workbench-tokens.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

/**
 * Saved analyst queries (decision 0030): owned by who saved them first, private or shared with
 * every SQL user, each save a new version. Only the owner saves versions or deletes; a query the
 * caller may not see answers 404, as one that does not exist.
 */
@Controller('api/sql/saved')
@Allow(...SQL_USERS)
export class SavedQueriesController {
  constructor(
    @Inject(WORKBENCH_STORE) private readonly store: WorkbenchStore,
    @Inject(CLOCK) private readonly clock: Clock,
  ) {}

  @Get()
  @Published({ response: answers.SavedQueriesResponse })
  list(@CurrentPrincipal() principal: Principal): SavedQueriesResponse {
    return { queries: this.store.visibleTo(principal) };
  }

  @Post()
  @Published({ body: NewSavedQueryBody, response: answers.SavedQuery })
  @HttpCode(201)
  create(@Body() body: unknown, @CurrentPrincipal() principal: Principal): SavedQuery {
    const draft = validate(NewSavedQueryBody, body ?? {}, 'POST /api/sql/saved');
    const id = randomUUID();
    this.store.create(id, principal, draft, this.clock().toISOString());
    return this.store.find(id, principal)!;
  }

  @Get(':id')
  @Published({ response: answers.SavedQuery })
  one(@Param('id') id: string, @CurrentPrincipal() principal: Principal): SavedQuery {
    return this.visible(id, principal, `GET /api/sql/saved/${id}`);
  }

  @Get(':id/versions')
  @Published({ response: answers.SavedQueryVersionsResponse })
  versions(@Param('id') id: string, @CurrentPrincipal() principal: Principal): SavedQueryVersionsResponse {
    this.visible(id, principal, `GET /api/sql/saved/${id}/versions`);
    return { versions: this.store.versions(id) };
  }

  @Get(':id/versions/:version')
  @Published({ response: answers.SavedQueryVersion })
  version(
    @Param('id') id: string,
    @Param('version') version: string,
    @CurrentPrincipal() principal: Principal,
  ): SavedQueryVersion {
    const where = `GET /api/sql/saved/${id}/versions/${version}`;
    this.visible(id, principal, where);
    const found = this.store.versions(id).find((candidate) => String(candidate.version) === version);
    if (found === undefined) throw new NotFoundException(`${where}: no version ${version} of this query`);
    return found;
  }

  @Put(':id')
  @Published({ body: NextVersionBody, response: answers.SavedQuery })
  save(@Param('id') id: string, @Body() body: unknown, @CurrentPrincipal() principal: Principal): SavedQuery {
    const where = `PUT /api/sql/saved/${id}`;
    const current = this.owned(id, principal, where);
    const { baseVersion, ...draft } = validate(NextVersionBody, body ?? {}, where);
    const next = current.latest.version + 1;
    if (
      baseVersion !== current.latest.version ||
      !this.store.addVersion(id, next, principal, draft, this.clock().toISOString())
    ) {
      throw new ConflictException(
        `${where}: version ${current.latest.version} was saved since version ${baseVersion} you edited; reopen it and save again`,
      );
    }
    return this.store.find(id, principal)!;
  }

  @Delete(':id')
  remove(@Param('id') id: string, @CurrentPrincipal() principal: Principal): { deleted: string } {
    this.owned(id, principal, `DELETE /api/sql/saved/${id}`);
    this.store.delete(id, this.clock().toISOString());
    return { deleted: id };
  }

  private visible(id: string, principal: Principal, where: string): SavedQuery {
    const found = SAVED_QUERY_ID.test(id) ? this.store.find(id, principal) : undefined;
    if (found === undefined) throw new NotFoundException(`${where}: no saved query ${JSON.stringify(id)} you may see`);
    return found;
  }

  private owned(id: string, principal: Principal, where: string): SavedQuery {
    const found = this.visible(id, principal, where);
    if (!found.mine)
      throw new ForbiddenException(
        `${where}: only its owner, ${found.owner.name}, may change it; save a copy of your own instead`,
      );
    return found;
  }
}
