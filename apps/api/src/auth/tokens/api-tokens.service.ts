import type { ApiTokenInfo } from '@presales/contracts';
import { ForbiddenException, Inject, Injectable, NotFoundException, UnauthorizedException } from '@nestjs/common';
import { CLOCK, type Clock } from '../../infrastructure/tokens.js';
import { CREDENTIAL_STORE } from '../auth-tokens.js';
import { actorOf, type Authentication, type Principal } from '../principal.js';
import type { UserRole } from '../roles.js';
import { SecurityLog } from '../security-log.js';
import { newId, newSecret, secretHash } from '../secrets.js';
import { TOKEN_PREFIX } from '../session-policy.js';
import type { TokenRecord } from '../store/credential-records.js';
import type { CredentialStore } from '../store/credential-store.js';

/** A token as listed: everything but its secret, which is shown once, when made. */
export type TokenView = ApiTokenInfo;

/** Last use is written at most once a minute per token: a busy integration should not write on every call. */
const LAST_USE_RESOLUTION_MS = 60_000;

@Injectable()
export class ApiTokensService {
  constructor(
    @Inject(CREDENTIAL_STORE) private readonly store: CredentialStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly securityLog: SecurityLog,
  ) {}

  /**
   * Anyone signed in may make a token acting as themselves, with their own role. Only an admin may
   * make one of another role: a service token that acts as `svc-<id>`, named after its purpose.
   */
  async create(
    by: Principal,
    request: { readonly name: string; readonly role: UserRole; readonly lifetimeMs: number },
  ): Promise<{ readonly token: string; readonly view: TokenView }> {
    if (request.role !== by.role && by.role !== 'admin') {
      throw new ForbiddenException(
        `role ${by.role} may only make tokens of its own role; role ${request.role} needs an admin`,
      );
    }
    const id = newId('tok-');
    const secret = newSecret(TOKEN_PREFIX);
    const now = this.clock();
    const record: TokenRecord = {
      id,
      name: request.name,
      hash: secretHash(secret),
      ownerId: by.id,
      actorId: request.role === by.role ? by.id : `svc-${id}`,
      role: request.role,
      createdAt: now.toISOString(),
      expiresAt: new Date(now.getTime() + request.lifetimeMs).toISOString(),
      revokedAt: null,
      lastUsedAt: null,
    };
    this.store.insertToken(record);
    await this.securityLog.record(
      {
        type: 'ApiTokenCreated',
        data: {
          tokenId: id,
          name: record.name,
          role: record.role,
          actsAs: record.actorId,
          expiresAt: record.expiresAt,
        },
      },
      actorOf(by),
    );
    return { token: secret, view: this.view(record) };
  }

  /** An admin sees every token; anyone else their own. */
  list(by: Principal): TokenView[] {
    return this.store.tokens(by.role === 'admin' ? undefined : by.id).map((record) => this.view(record));
  }

  async revoke(by: Principal, id: string): Promise<TokenView> {
    const record = this.store.tokenById(id);
    // Someone else's token is as unknown to a non-admin as one that does not exist.
    if (record === undefined || (record.ownerId !== by.id && by.role !== 'admin'))
      throw new NotFoundException(`no token ${id}`);
    if (record.revokedAt === null) {
      this.store.revokeToken(id, this.clock().toISOString());
      await this.securityLog.record({ type: 'ApiTokenRevoked', data: { tokenId: id } }, actorOf(by));
    }
    return this.view(this.store.tokenById(id)!);
  }

  /** The caller behind `Authorization: Bearer <token>`; 401 saying why when it is not valid. */
  authenticate(secret: string): Authentication {
    const record = this.store.tokenByHash(secretHash(secret));
    if (record === undefined) throw new UnauthorizedException('the API token is not valid');
    const now = this.clock();
    if (record.revokedAt !== null)
      throw new UnauthorizedException(`the API token ${record.id} was revoked at ${record.revokedAt}`);
    if (record.expiresAt !== null && Date.parse(record.expiresAt) <= now.getTime())
      throw new UnauthorizedException(`the API token ${record.id} expired at ${record.expiresAt}`);
    // A token made by an account that is gone or disabled stops working with it.
    const owner = this.store.accountById(record.ownerId);
    if (owner === undefined || owner.disabledAt !== null)
      throw new UnauthorizedException(`the account that made API token ${record.id} is disabled`);
    // A personal token carries its account's role when made; a changed role ends it.
    if (record.actorId === owner.id && owner.role !== record.role)
      throw new UnauthorizedException(
        `API token ${record.id} was made for role ${record.role}; its account is now ${owner.role}`,
      );
    if (record.lastUsedAt === null || now.getTime() - Date.parse(record.lastUsedAt) >= LAST_USE_RESOLUTION_MS)
      this.store.touchToken(record.id, now.toISOString());
    const name = record.actorId === owner.id ? owner.name : record.name;
    return { kind: 'token', tokenId: record.id, principal: { id: record.actorId, name, role: record.role } };
  }

  private view(record: TokenRecord): TokenView {
    const expired = record.expiresAt !== null && Date.parse(record.expiresAt) <= this.clock().getTime();
    return {
      id: record.id,
      name: record.name,
      role: record.role,
      ownerId: record.ownerId,
      actsAs: record.actorId,
      createdAt: record.createdAt,
      expiresAt: record.expiresAt,
      revokedAt: record.revokedAt,
      lastUsedAt: record.lastUsedAt,
      state: record.revokedAt !== null ? 'revoked' : expired ? 'expired' : 'active',
    };
  }
}
