import type { EventStore } from '@presales/event-store';
import type { UserRole } from '../roles.js';

/** Who each demo account is in the demo history, so what a demo user records lines up with it. */
export type DemoPeople = Partial<Record<UserRole, string>>;

/**
 * The demo sales owner of the newest opportunity, the consultant of the newest assignment and
 * the manager of the first team: people with open work, so signing in as them shows some.
 * Analysts and auditors are not in the history; their accounts get ids of their own.
 */
export async function findDemoPeople(eventStore: EventStore): Promise<DemoPeople> {
  const people: DemoPeople = {};
  for (const event of await eventStore.readAll({ direction: 'backwards', maxCount: 5000 })) {
    if (people.sales === undefined && event.type === 'OpportunityRegistered')
      people.sales = String(event.data['salesOwnerId']);
    if (people.presales === undefined && event.type === 'ConsultantAssigned')
      people.presales = event.streamId.replace(/^consultant-/, '');
    if (people.sales !== undefined && people.presales !== undefined) break;
  }
  const firstTeam = (await eventStore.readAll({ maxCount: 1000 })).find((event) => event.type === 'TeamFormed');
  if (firstTeam !== undefined) people.manager = String(firstTeam.data['managerId']);
  return people;
}
