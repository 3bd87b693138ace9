import { ForbiddenException, Inject, Injectable } from '@nestjs/common';
import { sqlValue, type AnalyticsStore } from '@presales/analytics';
import { streamName } from '@presales/domain';
import { StreamNotFoundError, type EventStore, type RecordedEvent } from '@presales/event-store';
import { ANALYTICS_STORE, EVENT_STORE } from '../../infrastructure/tokens.js';
import type { Principal } from '../principal.js';

/** Roles that record only the facts of opportunities they are involved in; others are not limited here. */
const LIMITED_ROLES: ReadonlySet<string> = new Set(['sales', 'presales']);

async function eventsOf(eventStore: EventStore, stream: string): Promise<RecordedEvent[]> {
  try {
    return await eventStore.readStream(stream);
  } catch (error) {
    if (error instanceof StreamNotFoundError) return [];
    throw error;
  }
}

/**
 * Sales and presales people record facts of the opportunities they are involved in: the sales
 * owner, whoever requested or acknowledged presales support on it, a consultant assigned to it
 * (not released), and a member of one of its war rooms. The opportunity's own stream and the
 * person's consultant stream are read from the event store (the record of truth, no projection
 * lag); war-room membership, spread over war-room streams, from the analytics tables.
 */
@Injectable()
export class OpportunityInvolvement {
  constructor(
    @Inject(EVENT_STORE) private readonly eventStore: EventStore,
    @Inject(ANALYTICS_STORE) private readonly analytics: AnalyticsStore,
  ) {}

  /** Throws 403 naming the opportunity when a sales or presales principal is not involved in it. */
  async require(principal: Principal, opportunityId: string, what: string): Promise<void> {
    if (!LIMITED_ROLES.has(principal.role)) return;
    if (await this.isInvolved(principal.id, opportunityId)) return;
    throw new ForbiddenException(
      `${what}: ${principal.role} ${principal.id} is not involved in opportunity ${opportunityId} (owner, support, assignment or war room)`,
    );
  }

  async isInvolved(personId: string, opportunityId: string): Promise<boolean> {
    for (const event of await eventsOf(this.eventStore, streamName('opportunity', opportunityId))) {
      const data = event.data;
      if (event.type === 'OpportunityRegistered' && data['salesOwnerId'] === personId) return true;
      if (event.type === 'PresalesSupportRequested' && data['requestedBy'] === personId) return true;
      if (event.type === 'PresalesSupportAcknowledged' && data['consultantId'] === personId) return true;
    }
    if (this.assigned(await eventsOf(this.eventStore, streamName('consultant', personId)), opportunityId)) return true;
    return this.inWarRoom(personId, opportunityId);
  }

  private assigned(events: readonly RecordedEvent[], opportunityId: string): boolean {
    const open = new Set<string>();
    for (const event of events) {
      if (event.type === 'ConsultantAssigned' && event.data['opportunityId'] === opportunityId)
        open.add(String(event.data['assignmentId']));
      if (event.type === 'ConsultantReleased') open.delete(String(event.data['assignmentId']));
    }
    return open.size > 0;
  }

  private async inWarRoom(personId: string, opportunityId: string): Promise<boolean> {
    const person = sqlValue(personId);
    const rows = await this.analytics.query<{ n: string | number }>(
      `SELECT count() AS n FROM war_room_opened WHERE opportunity_id = ${sqlValue(opportunityId)}
         AND (commander_id = ${person} OR has(member_ids, ${person})
              OR entity_id IN (SELECT entity_id FROM war_room_member_joined WHERE consultant_id = ${person}))`,
    );
    return Number(rows[0]?.n ?? 0) > 0;
  }
}
