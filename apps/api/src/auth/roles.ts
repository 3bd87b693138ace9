import type { ActorRole } from '@presales/domain';

/**
 * The roles an account or API token can hold. `system` is the platform's own and `consultant`
 * is the former name of `presales`, kept only so old events stay readable: neither is given to
 * a person, so neither is here.
 */
export const USER_ROLES = ['sales', 'presales', 'manager', 'analyst', 'auditor', 'admin'] as const satisfies readonly ActorRole[];
export type UserRole = (typeof USER_ROLES)[number];

export function isUserRole(value: unknown): value is UserRole {
  return typeof value === 'string' && (USER_ROLES as readonly string[]).includes(value);
}
