import { Controller, Headers, HttpCode, Post, Req } from '@nestjs/common';
import { CommandBus } from '@nestjs/cqrs';
import type { Request } from 'express';
import { actorFromHeaders } from '../infrastructure/request-actor.js';
import { requireRole } from '../infrastructure/require-role.js';
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
  @HttpCode(200)
  async import(@Req() request: Request, @Headers() headers: Record<string, string>): Promise<ImportEventsResult> {
    requireRole(actorFromHeaders(headers), ['admin'], 'POST /api/import');
    return this.commandBus.execute(new ImportEventsCommand(request));
  }
}
