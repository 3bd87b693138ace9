import { Reflector } from '@nestjs/core';
import { USER_ROLES, type UserRole } from '../roles.js';

/**
 * Who may call a route: the one declaration every route carries (routes without one are refused,
 * and a test fails for them). `public` routes need no credentials; any other names its roles.
 */
export type AccessRule =
  | { readonly kind: 'public'; readonly why: string }
  | {
      readonly kind: 'roles';
      readonly roles: readonly UserRole[];
      /** Also open to a scraper presenting METRICS_TOKEN as its bearer token (Prometheus has no session). */
      readonly orMetricsToken?: true;
    };

export const ACCESS = Reflector.createDecorator<AccessRule>();

/** Open to anyone, with the reason it may be (health for load balancers, the sign-in itself, …). */
export const Public = (why: string) => ACCESS({ kind: 'public', why });

/** Open to these roles only. */
export const Allow = (...roles: readonly UserRole[]) => ACCESS({ kind: 'roles', roles });

/** Open to these roles, and to a scraper holding METRICS_TOKEN. */
export const AllowOrMetricsToken = (...roles: readonly UserRole[]) =>
  ACCESS({ kind: 'roles', roles, orMetricsToken: true });

/** Open to everyone signed in, whatever their role. */
export const SignedIn = () => ACCESS({ kind: 'roles', roles: USER_ROLES });

/** Role groups that recur in the route table. */
export const READERS_OF_KPIS: readonly UserRole[] = ['sales', 'presales', 'manager', 'analyst', 'auditor', 'admin'];
export const MANAGERS: readonly UserRole[] = ['manager', 'admin'];
export const ADMINS: readonly UserRole[] = ['admin'];
export const AUDITORS: readonly UserRole[] = ['auditor', 'admin'];
export const SQL_USERS: readonly UserRole[] = ['analyst', 'manager', 'admin'];
/** Who records the facts of opportunities; sales and presales only those they are involved in. */
export const RECORDERS: readonly UserRole[] = ['sales', 'presales', 'manager', 'admin'];
