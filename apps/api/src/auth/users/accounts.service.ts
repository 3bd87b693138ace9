import type { AccountInfo } from '@presales/contracts';
import { ConflictException, Inject, Injectable, NotFoundException } from '@nestjs/common';
import type { Actor } from '@presales/domain';
import { CLOCK, type Clock } from '../../infrastructure/tokens.js';
import { CREDENTIAL_STORE } from '../auth-tokens.js';
import { hashPassword } from '../password-hash.js';
import type { UserRole } from '../roles.js';
import { SecurityLog } from '../security-log.js';
import { newId } from '../secrets.js';
import type { AccountRecord } from '../store/credential-records.js';
import type { CredentialStore } from '../store/credential-store.js';

export interface NewAccount {
  readonly username: string;
  readonly name: string;
  readonly role: UserRole;
  /** Absent for an account that signs in only through the OpenID provider. */
  readonly password?: string;
  readonly oidcSubject?: string;
  /** Demo accounts take the id their person has in the demo history, so their events line up. */
  readonly id?: string;
}

export type AccountSource = 'local' | 'oidc' | 'first-start' | 'demo';

/** What the API shows of an account: never its password hash. */
export type AccountView = AccountInfo;

export function accountView(record: AccountRecord): AccountView {
  const signIn: ('password' | 'oidc')[] = [];
  if (record.passwordHash !== null) signIn.push('password');
  if (record.oidcSubject !== null) signIn.push('oidc');
  return {
    id: record.id,
    username: record.username,
    name: record.name,
    role: record.role,
    signIn,
    disabled: record.disabledAt !== null,
    createdAt: record.createdAt,
  };
}

/** People's accounts: created by an admin, at first start, or on a first OpenID sign-in. */
@Injectable()
export class AccountsService {
  constructor(
    @Inject(CREDENTIAL_STORE) private readonly store: CredentialStore,
    @Inject(CLOCK) private readonly clock: Clock,
    private readonly securityLog: SecurityLog,
  ) {}

  count(): number {
    return this.store.accountCount();
  }

  list(): AccountView[] {
    return this.store.accounts().map(accountView);
  }

  async create(account: NewAccount, source: AccountSource, by: Actor): Promise<AccountView> {
    if (this.store.accountByUsername(account.username) !== undefined)
      throw new ConflictException(`username ${account.username} is taken`);
    const id = account.id ?? newId('u-');
    if (this.store.accountById(id) !== undefined) throw new ConflictException(`account id ${id} is taken`);
    const record: AccountRecord = {
      id,
      username: account.username,
      name: account.name,
      role: account.role,
      passwordHash: account.password === undefined ? null : await hashPassword(account.password),
      oidcSubject: account.oidcSubject ?? null,
      disabledAt: null,
      createdAt: this.clock().toISOString(),
    };
    this.store.insertAccount(record);
    await this.securityLog.record(
      { type: 'AccountCreated', data: { accountId: id, username: account.username, role: account.role, source } },
      by,
    );
    return accountView(record);
  }

  async change(
    id: string,
    change: {
      readonly name?: string;
      readonly role?: UserRole;
      readonly password?: string;
      readonly disabled?: boolean;
    },
    by: Actor,
  ): Promise<AccountView> {
    const current = this.store.accountById(id);
    if (current === undefined) throw new NotFoundException(`no account ${id}`);
    const disabledAt =
      change.disabled === undefined
        ? undefined
        : change.disabled
          ? (current.disabledAt ?? this.clock().toISOString())
          : null;
    this.store.updateAccount(id, {
      ...(change.name === undefined ? {} : { name: change.name }),
      ...(change.role === undefined ? {} : { role: change.role }),
      ...(change.password === undefined ? {} : { passwordHash: await hashPassword(change.password) }),
      ...(disabledAt === undefined ? {} : { disabledAt }),
    });
    // A new role, password or a disabled account takes effect now, not when a session ends.
    if (change.role !== undefined || change.password !== undefined || change.disabled === true)
      this.store.deleteSessionsOf(id);
    await this.securityLog.record(
      {
        type: 'AccountChanged',
        data: {
          accountId: id,
          ...(change.role === undefined ? {} : { role: change.role }),
          ...(change.disabled === undefined ? {} : { disabled: change.disabled }),
          ...(change.password === undefined ? {} : { passwordChanged: true }),
        },
      },
      by,
    );
    return accountView(this.store.accountById(id)!);
  }
}
