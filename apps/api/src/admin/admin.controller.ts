import { Controller, Get, Headers, HttpCode, Post } from '@nestjs/common';
import type { RebuildStatus } from '@presales/contracts';
import { requireRole } from '../infrastructure/require-role.js';
import { actorFromHeaders } from '../infrastructure/request-actor.js';
import { RebuildService } from './rebuild.service.js';

@Controller('api/admin')
export class AdminController {
  constructor(private readonly rebuild: RebuildService) {}

  /** Drop and rebuild every read model from position 0; poll GET for progress. */
  @Post('rebuild')
  @HttpCode(202)
  startRebuild(@Headers() headers: Record<string, string>): RebuildStatus {
    requireRole(actorFromHeaders(headers), ['admin'], 'POST /api/admin/rebuild');
    return this.rebuild.start();
  }

  @Get('rebuild')
  rebuildStatus(@Headers() headers: Record<string, string>): RebuildStatus {
    requireRole(actorFromHeaders(headers), ['admin'], 'GET /api/admin/rebuild');
    return this.rebuild.current();
  }
}
