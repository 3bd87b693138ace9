import { Inject, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { join } from 'node:path';
import type { AppConfig } from '@presales/platform-config';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import { AggregateStateController } from './aggregate-state.controller.js';
import { CommandEndpoint } from './command-endpoint.js';
import { CommandReceipts } from './command-receipts.js';
import { COMMAND_RECEIPTS } from './command-tokens.js';
import { CommandsController } from './commands.controller.js';
import { ExecuteDomainCommandHandler } from './execute-domain-command.handler.js';

class CommandReceiptsLifecycle implements OnApplicationShutdown {
  constructor(@Inject(COMMAND_RECEIPTS) private readonly receipts: CommandReceipts) {}

  onApplicationShutdown(): void {
    this.receipts.close();
  }
}

export const COMMAND_CONTROLLERS = [CommandsController, AggregateStateController];

export const COMMAND_PROVIDERS: Provider[] = [
  {
    provide: COMMAND_RECEIPTS,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new CommandReceipts(join(config.dataDir, 'command-receipts.sqlite')),
  },
  CommandReceiptsLifecycle,
  CommandEndpoint,
  ExecuteDomainCommandHandler,
];
