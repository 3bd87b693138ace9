import { Inject, Injectable } from '@nestjs/common';
import { LinkIndex, type LinkedStreams } from '@presales/audit';
import type { EventStore } from '@presales/event-store';
import { EVENT_STORE } from '../infrastructure/tokens.js';

/**
 * The platform's one LinkIndex: the first history or evidence pack reads the whole log for
 * links, later ones only what was recorded since (libs/audit/src/history/link-index.ts).
 */
@Injectable()
export class AuditLinks {
  private readonly index: LinkIndex;

  constructor(@Inject(EVENT_STORE) eventStore: EventStore) {
    this.index = new LinkIndex(eventStore);
  }

  readonly find = (tenderId: string, opportunityId: string): Promise<LinkedStreams> => this.index.linksOf(tenderId, opportunityId);
}
