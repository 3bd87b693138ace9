import type { Actor } from '@presales/domain';
import type { UserRole } from './roles.js';

/** How the caller proved who they are. */
export type SignInMethod = 'password' | 'token' | 'oidc';

/** The authenticated caller: the only source of the actor recorded in events. */
export interface Principal {
  /** Account id, or `svc-<token id>` for a service token an admin made for another role. */
  readonly id: string;
  readonly name: string;
  readonly role: UserRole;
}

/** A request's proof of identity, with what the rest of the request may need of it. */
export type Authentication =
  | {
      readonly kind: 'session';
      readonly principal: Principal;
      readonly sessionKey: string;
      readonly csrfToken: string;
      readonly method: SignInMethod;
    }
  | { readonly kind: 'token'; readonly principal: Principal; readonly tokenId: string };

export function actorOf(principal: Principal): Actor {
  return { id: principal.id, role: principal.role };
}
