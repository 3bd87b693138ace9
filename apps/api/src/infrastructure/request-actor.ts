import { ACTOR_ROLES, EntityId, validate, type Actor } from '@presales/domain';
import { z } from 'zod';

const ActorHeaders = z.object({
  'x-actor-id': EntityId.default('anonymous'),
  'x-actor-role': z.enum(ACTOR_ROLES).default('consultant'),
});

/**
 * Who is acting, from `X-Actor-Id` / `X-Actor-Role`. Authentication is not part of the
 * platform yet; until it is, the actor is what the caller declares, recorded in every event.
 */
export function actorFromHeaders(headers: Readonly<Record<string, string | string[] | undefined>>): Actor {
  const parsed = validate(ActorHeaders, { 'x-actor-id': headers['x-actor-id'], 'x-actor-role': headers['x-actor-role'] }, 'request headers');
  return { id: parsed['x-actor-id'], role: parsed['x-actor-role'] };
}
