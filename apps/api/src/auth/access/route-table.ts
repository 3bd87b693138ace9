import { RequestMethod, type Type } from '@nestjs/common';
import { HTTP_CODE_METADATA, METHOD_METADATA, PATH_METADATA } from '@nestjs/common/constants.js';
import { PUBLISHED, type PublishedContract } from '../../openapi/published.js';
import { USER_ROLES, type UserRole } from '../roles.js';
import { ACCESS, type AccessRule } from './access-rule.js';

/** One route and who may call it, as the access guard will decide. */
export interface RouteAccess {
  readonly method: string;
  /** `/api/kpis/:id/trend` */
  readonly path: string;
  /** undefined: the route declares nothing, and the guard refuses it (a test fails for it). */
  readonly rule: AccessRule | undefined;
  readonly controller: string;
  /** The handler's method name: a command route's is the command's name. */
  readonly handler: string;
  /** The status of a successful answer (`@HttpCode`), when the route sets one. */
  readonly status: number | undefined;
  /** Its request and answer schemas, when the route publishes them (`@Published`). */
  readonly published: PublishedContract | undefined;
}

function joinPath(...parts: readonly string[]): string {
  return `/${parts
    .flatMap((part) => part.split('/'))
    .filter((part) => part !== '')
    .join('/')}`;
}

/**
 * The route table read from the controllers' own metadata, the same the router and the access
 * guard read: the role-matrix test, the docs' table and the OpenAPI document come from here, so
 * a new route cannot be left out of any of them.
 */
export function routeTable(controllers: readonly Type[]): RouteAccess[] {
  const routes: RouteAccess[] = [];
  for (const controller of controllers) {
    const base = String(Reflect.getMetadata(PATH_METADATA, controller) ?? '');
    const classRule = Reflect.getMetadata(ACCESS.KEY, controller) as AccessRule | undefined;
    for (const name of Object.getOwnPropertyNames(controller.prototype)) {
      const handler = (controller.prototype as Record<string, unknown>)[name];
      if (typeof handler !== 'function' || name === 'constructor') continue;
      const method = Reflect.getMetadata(METHOD_METADATA, handler) as RequestMethod | undefined;
      if (method === undefined) continue;
      const rule = (Reflect.getMetadata(ACCESS.KEY, handler) as AccessRule | undefined) ?? classRule;
      routes.push({
        method: RequestMethod[method],
        path: joinPath(base, String(Reflect.getMetadata(PATH_METADATA, handler) ?? '')),
        rule,
        controller: controller.name,
        handler: name,
        status: Reflect.getMetadata(HTTP_CODE_METADATA, handler) as number | undefined,
        published: Reflect.getMetadata(PUBLISHED.KEY, handler) as PublishedContract | undefined,
      });
    }
  }
  return routes.sort((a, b) => a.path.localeCompare(b.path) || a.method.localeCompare(b.method));
}

/** What a caller of `role` (or nobody) gets from the guard: let through, 401 or 403. */
export function expectedAccess(rule: AccessRule | undefined, role: UserRole | 'anonymous'): 'allowed' | 401 | 403 {
  if (rule === undefined) return 403;
  if (rule.kind === 'public') return 'allowed';
  if (role === 'anonymous') return 401;
  return rule.roles.includes(role) ? 'allowed' : 403;
}

/** The role matrix as a Markdown table, for docs/sign-in.md. */
export function roleMatrixMarkdown(routes: readonly RouteAccess[]): string {
  const header = `| route | ${USER_ROLES.join(' | ')} | signed out |`;
  const rule = `| --- | ${USER_ROLES.map(() => ':-:').join(' | ')} | :-: |`;
  const mark = (access: 'allowed' | 401 | 403) => (access === 'allowed' ? '✓' : '—');
  const rows = routes.map(
    (route) =>
      `| \`${route.method} ${route.path}\` | ${USER_ROLES.map((role) => mark(expectedAccess(route.rule, role))).join(' | ')} | ${mark(expectedAccess(route.rule, 'anonymous'))} |`,
  );
  return [header, rule, ...rows].join('\n');
}
