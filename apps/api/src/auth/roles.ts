import { USER_ROLES, type UserRoleName } from '@presales/contracts';
import type { ActorRole } from '@presales/domain';

export { USER_ROLES };
/** Every role a person can hold is an actor role of the domain (checked here, at compile time). */
export type UserRole = UserRoleName & ActorRole;

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}
