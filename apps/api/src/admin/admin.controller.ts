import { Controller, Get, HttpCode, Post } from '@nestjs/common';
import type { RebuildStatus } from '@presales/contracts';
import { Allow } from '../auth/access/access-rule.js';
import { RebuildService } from './rebuild.service.js';
import { Published } from '../openapi/published.js';
import * as answers from '@presales/contracts/answers';

@Controller('api/admin')
export class AdminController {
  constructor(private readonly rebuild: RebuildService) {}

  /** Drop and rebuild every read model from position 0; poll GET for progress. */
  @Post('rebuild')
  @Published({ response: answers.RebuildStatus })
  @Allow('admin')
  @HttpCode(202)
  startRebuild(): RebuildStatus {
    return this.rebuild.start();
  }

  @Get('rebuild')
  @Published({ response: answers.RebuildStatus })
  @Allow('admin')
  rebuildStatus(): RebuildStatus {
    return this.rebuild.current();
  }
}
