import { ForbiddenException } from '@nestjs/common';
import type { Actor, ActorRole } from '@presales/domain';

/** Role check on the declared actor (X-Actor-Role); see README "API" for what this is and is not. */
export function requireRole(actor: Actor, allowed: readonly ActorRole[], what: string): void {
  if (!allowed.includes(actor.role)) {
    throw new ForbiddenException(`${what}: role ${actor.role} may not do this; allowed: ${allowed.join(', ')}`);
  }
}
