import { Inject, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { join } from 'node:path';
import type { AppConfig } from '@presales/platform-config';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import { QueryHistoryController } from './query-history.controller.js';
import { SavedQueriesController } from './saved-queries.controller.js';
import { WorkbenchStore } from './workbench-store.js';
import { WORKBENCH_STORE } from './workbench-tokens.js';

/** Closes the workbench file with the platform. */
class WorkbenchStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(WORKBENCH_STORE) private readonly store: WorkbenchStore) {}

  onApplicationShutdown(): void {
    this.store.close();
  }
}

export const WORKBENCH_CONTROLLERS = [SavedQueriesController, QueryHistoryController];

export const WORKBENCH_PROVIDERS: Provider[] = [
  {
    provide: WORKBENCH_STORE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new WorkbenchStore(join(config.dataDir, 'workbench.sqlite')),
  },
  WorkbenchStoreLifecycle,
];
