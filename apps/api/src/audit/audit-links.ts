import { Inject, Injectable, Logger, type OnApplicationBootstrap } from '@nestjs/common';
import { LinkIndex, type LinkedStreams } from '@presales/audit';
import type { EventStore } from '@presales/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';

/**
 * The platform's one LinkIndex (libs/audit/src/history/link-index.ts): it reads the whole log
 * for links once, in the background after start-up, and before each history or evidence pack
 * only what was recorded since.
 */
@Injectable()
export class AuditLinks implements OnApplicationBootstrap {
  private readonly index: LinkIndex;
  private readonly logger = new Logger('audit');

  constructor(@Inject(EVENT_STORE) eventStore: EventStore) {
    this.index = new LinkIndex(eventStore);
  }

  onApplicationBootstrap(): void {
    // Not awaited: start-up does not wait for it, and a failure only means the first question reads the log itself.
    this.index.warm().catch((error: unknown) => this.logger.warn(`link index not warmed: ${(error as Error).message}`));
  }

  readonly find = (tenderId: string, opportunityId: string): Promise<LinkedStreams> =>
    this.index.linksOf(tenderId, opportunityId);
}
