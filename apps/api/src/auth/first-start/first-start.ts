import type { Provider } from '@nestjs/common';
import type { EventStore } from '@presales/event-store';
import { DEMO_SEEDED, demoDataEnabled } from '../../import/demo-seeder.js';
import { EVENT_STORE } from '../../infrastructure/tokens.js';
import { MIN_PASSWORD_LENGTH } from '../password-hash.js';
import { USER_ROLES, type UserRole } from '../roles.js';
import { PLATFORM_ACTOR } from '../security-log.js';
import { newPassword } from '../secrets.js';
import { TOKEN_DEFAULT_LIFETIME_MS } from '../session-policy.js';
import { ApiTokensService } from '../tokens/api-tokens.service.js';
import { AccountsService } from '../users/accounts.service.js';
import { findDemoPeople } from './demo-people.js';

export const FIRST_START = Symbol('FirstStart');

const DEMO_ROLES = USER_ROLES.filter((role): role is Exclude<UserRole, 'admin'> => role !== 'admin');

function passwordFrom(variable: string): string | undefined {
  const value = process.env[variable];
  if (value === undefined || value === '') return undefined;
  if (value.length < MIN_PASSWORD_LENGTH)
    throw new Error(`${variable}: must be at least ${MIN_PASSWORD_LENGTH} characters`);
  return value;
}

/**
 * With no account yet, the platform makes the admin and prints, once, its password and an API
 * token (PRESALES_ADMIN_PASSWORD fixes the password, for scripted installs). With the demo on,
 * also one demo account per role, named after the role, sharing one printed password
 * (PRESALES_DEMO_PASSWORD fixes it). Runs after the demo history is loaded (DEMO_SEEDED), so
 * the demo accounts can be people of that history. Nothing is printed on later starts.
 */
export const firstStartProvider: Provider = {
  provide: FIRST_START,
  inject: [AccountsService, ApiTokensService, EVENT_STORE, DEMO_SEEDED],
  useFactory: async (accounts: AccountsService, tokens: ApiTokensService, eventStore: EventStore): Promise<boolean> => {
    if (accounts.count() > 0) return false;
    const adminPassword = passwordFrom('PRESALES_ADMIN_PASSWORD') ?? newPassword();
    const admin = await accounts.create(
      { id: 'admin', username: 'admin', name: 'Administrator', role: 'admin', password: adminPassword },
      'first-start',
      PLATFORM_ACTOR,
    );
    const { token } = await tokens.create(admin, {
      name: 'first-start admin token',
      role: 'admin',
      lifetimeMs: TOKEN_DEFAULT_LIFETIME_MS,
    });
    const lines = [
      `first start: sign in as admin, password: ${adminPassword}`,
      `admin API token: ${token}  (for the CLI: PRESALES_TOKEN, or presales login --token)`,
    ];
    if (demoDataEnabled(process.env)) {
      const demoPassword = passwordFrom('PRESALES_DEMO_PASSWORD') ?? newPassword();
      const people = await findDemoPeople(eventStore);
      for (const role of DEMO_ROLES) {
        const id = people[role] ?? `demo-${role}`;
        await accounts.create(
          { id, username: role, name: `Demo ${role} (${id})`, role, password: demoPassword },
          'demo',
          PLATFORM_ACTOR,
        );
      }
      lines.push(`demo accounts ${DEMO_ROLES.join(', ')} (one per role), password: ${demoPassword}`);
    }
    lines.push('these are shown once: keep them, or make new ones with an admin token (docs/sign-in.md)');
    for (const line of lines) console.log(`[sign-in] ${line}`);
    return true;
  },
};
