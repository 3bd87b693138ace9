import { Controller, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import type { Actor } from '@presales/domain';
import { Allow } from '../auth/access/access-rule.js';
import { CurrentActor } from '../auth/access/current-principal.decorator.js';
import * as answers from '@presales/contracts/answers';
import { Published } from '../openapi/published.js';
import { ImportEventsCommand, type ImportEventsResult } from './import-events.command.js';

/**
 * `POST /api/import` (admin): the body is JSONL in the line format of DOMAIN.md, sent as
 * `application/x-ndjson` (or `text/plain`), read as a stream so its size does not matter. The
 * answer counts appended, already present and rejected lines and lists the rejections.
 */
@Controller('api/import')
export class ImportController {
  constructor(private readonly commandBus: CommandBus) {}

  @Post()
  @Published({
    summary: 'import JSONL events (the body: application/x-ndjson, one event a line, DOMAIN.md)',
    response: answers.ImportResponse,
  })
  @Allow('admin')
  @HttpCode(200)
  async import(@Req() request: Request, @CurrentActor() actor: Actor): Promise<ImportEventsResult> {
    return this.commandBus.execute(new ImportEventsCommand(request, actor));
  }
}
