import { ConfigError } from '@presales/platform-config';
import { isUserRole, type UserRole } from '../roles.js';

/** Sign-in through an OpenID provider (authorization code + PKCE); undefined when OIDC_ISSUER is unset. */
export interface OidcConfig {
  readonly issuer: URL;
  readonly clientId: string;
  readonly clientSecret: string | undefined;
  /** Where the provider sends the browser back; default: this platform's /api/auth/oidc/callback as the browser reached it. */
  readonly redirectUri: string | undefined;
  readonly displayName: string;
  /** The claim holding the user's groups or roles (a string or a list). */
  readonly roleClaim: string;
  /** Claim value → role, in the order given: the first value the user has wins. */
  readonly roleMap: readonly (readonly [string, UserRole])[];
  /** The role of a user none of whose claim values is mapped; undefined: such a user is refused. */
  readonly defaultRole: UserRole | undefined;
  /** Plain-HTTP issuers are only accepted on loopback (a provider started by tests, or a local one). */
  readonly allowInsecure: boolean;
}

type Env = Readonly<Record<string, string | undefined>>;

export function parseOidcConfig(env: Env): OidcConfig | undefined {
  const issuerText = env['OIDC_ISSUER']?.trim();
  if (issuerText === undefined || issuerText === '') return undefined;
  let issuer: URL;
  try {
    issuer = new URL(issuerText);
  } catch {
    throw new ConfigError(
      'OIDC_ISSUER',
      issuerText,
      "must be the provider's issuer URL, e.g. https://login.example.com/realms/sales",
    );
  }
  const loopback = ['localhost', '127.0.0.1', '[::1]'].includes(issuer.hostname);
  if (issuer.protocol !== 'https:' && !(issuer.protocol === 'http:' && loopback))
    throw new ConfigError('OIDC_ISSUER', issuerText, 'must use https (plain http only on localhost)');
  const clientId = env['OIDC_CLIENT_ID']?.trim();
  if (clientId === undefined || clientId === '')
    throw new ConfigError('OIDC_CLIENT_ID', '', 'is required with OIDC_ISSUER');
  const defaultRole = env['OIDC_DEFAULT_ROLE']?.trim() || undefined;
  if (defaultRole !== undefined && !isUserRole(defaultRole))
    throw new ConfigError(
      'OIDC_DEFAULT_ROLE',
      defaultRole,
      'must be one of sales, presales, manager, analyst, auditor, admin',
    );
  return {
    issuer,
    clientId,
    clientSecret: env['OIDC_CLIENT_SECRET'] || undefined,
    redirectUri: env['OIDC_REDIRECT_URI']?.trim() || undefined,
    displayName: env['OIDC_NAME']?.trim() || 'Single sign-on',
    roleClaim: env['OIDC_ROLE_CLAIM']?.trim() || 'roles',
    roleMap: parseRoleMap(env['OIDC_ROLE_MAP'] ?? ''),
    defaultRole,
    allowInsecure: issuer.protocol === 'http:',
  };
}

/** `presales-managers=manager,bid-team=presales` */
function parseRoleMap(text: string): [string, UserRole][] {
  return text
    .split(',')
    .map((pair) => pair.trim())
    .filter((pair) => pair !== '')
    .map((pair) => {
      const at = pair.lastIndexOf('=');
      const value = pair.slice(0, at).trim();
      const role = pair.slice(at + 1).trim();
      if (at <= 0 || !isUserRole(role))
        throw new ConfigError(
          'OIDC_ROLE_MAP',
          text,
          `each entry is claimValue=role with a role of sales, presales, manager, analyst, auditor, admin (at ${JSON.stringify(pair)})`,
        );
      return [value, role];
    });
}

/** The role the provider's claims give, by the map's order; undefined when nothing maps. */
export function roleFromClaims(config: OidcConfig, claims: Readonly<Record<string, unknown>>): UserRole | undefined {
  const raw = claims[config.roleClaim];
  const values = new Set(
    Array.isArray(raw)
      ? raw.filter((value): value is string => typeof value === 'string')
      : typeof raw === 'string'
        ? [raw]
        : [],
  );
  return config.roleMap.find(([value]) => values.has(value))?.[1] ?? config.defaultRole;
}
