import { Inject, type OnApplicationShutdown, type Provider } from '@nestjs/common';
import { APP_GUARD } from '@nestjs/core';
import { join } from 'node:path';
import type { AppConfig } from '@presales/platform-config';
import { APP_CONFIG } from '../infrastructure/tokens.js';
import { AccessGuard } from './access/access.guard.js';
import { Authenticator } from './access/authenticator.js';
import { CREDENTIAL_STORE, OIDC_CONFIG } from './auth-tokens.js';
import { firstStartProvider } from './first-start/first-start.js';
import { OpportunityInvolvement } from './involvement/opportunity-involvement.js';
import { parseOidcConfig } from './oidc/oidc-config.js';
import { OidcController } from './oidc/oidc.controller.js';
import { OidcSignInService } from './oidc/oidc-sign-in.service.js';
import { SecurityLog } from './security-log.js';
import { AuthController } from './sign-in/auth.controller.js';
import { SessionsService } from './sign-in/sessions.service.js';
import { SignInService } from './sign-in/sign-in.service.js';
import { SignInThrottle } from './sign-in/sign-in-throttle.js';
import { CredentialStore } from './store/credential-store.js';
import { ApiTokensService } from './tokens/api-tokens.service.js';
import { TokensController } from './tokens/tokens.controller.js';
import { AccountsService } from './users/accounts.service.js';
import { UsersController } from './users/users.controller.js';

/** Closes the credential file with the platform. */
class CredentialStoreLifecycle implements OnApplicationShutdown {
  constructor(@Inject(CREDENTIAL_STORE) private readonly store: CredentialStore) {}

  onApplicationShutdown(): void {
    this.store.close();
  }
}

export const AUTH_CONTROLLERS = [AuthController, OidcController, TokensController, UsersController];

export const AUTH_PROVIDERS: Provider[] = [
  {
    provide: CREDENTIAL_STORE,
    inject: [APP_CONFIG],
    useFactory: (config: AppConfig) => new CredentialStore(join(config.dataDir, 'auth.sqlite')),
  },
  { provide: OIDC_CONFIG, useFactory: () => parseOidcConfig(process.env) },
  CredentialStoreLifecycle,
  SecurityLog,
  AccountsService,
  ApiTokensService,
  SessionsService,
  SignInThrottle,
  SignInService,
  OidcSignInService,
  Authenticator,
  OpportunityInvolvement,
  firstStartProvider,
  { provide: APP_GUARD, useClass: AccessGuard },
];
