import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import type { RebuildStatus } from '@presales/contracts';
import { Allow } from '../auth/access/access-rule.js';
import { RebuildService } from './rebuild.service.js';

@Controller('api/admin')
export class AdminController {
  constructor(private readonly rebuild: RebuildService) {}

  /** Drop and rebuild every read model from position 0; poll GET for progress. */
  @Post('rebuild')
  @Allow('admin')
  @HttpCode(202)
  startRebuild(): RebuildStatus {
    return this.rebuild.start();
  }

  @Get('rebuild')
  @Allow('admin')
  rebuildStatus(): RebuildStatus {
    return this.rebuild.current();
  }
}
