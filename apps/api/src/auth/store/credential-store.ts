import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { UserRole } from '../roles.js';
import type { AccountRecord, SessionRecord, TokenRecord } from './credential-records.js';
import { CREDENTIAL_SCHEMA } from './credential-schema.js';

type Row = Record<string, unknown>;

const account = (row: Row): AccountRecord => ({
  id: row['id'] as string,
  username: row['username'] as string,
  name: row['name'] as string,
  role: row['role'] as UserRole,
  passwordHash: row['password_hash'] as string | null,
  oidcSubject: row['oidc_subject'] as string | null,
  disabledAt: row['disabled_at'] as string | null,
  createdAt: row['created_at'] as string,
});

const token = (row: Row): TokenRecord => ({
  id: row['id'] as string,
  name: row['name'] as string,
  hash: row['hash'] as string,
  ownerId: row['owner_id'] as string,
  actorId: row['actor_id'] as string,
  role: row['role'] as UserRole,
  createdAt: row['created_at'] as string,
  expiresAt: row['expires_at'] as string | null,
  revokedAt: row['revoked_at'] as string | null,
  lastUsedAt: row['last_used_at'] as string | null,
});

const session = (row: Row): SessionRecord => ({
  keyHash: row['key_hash'] as string,
  accountId: row['account_id'] as string,
  csrfToken: row['csrf_token'] as string,
  method: row['method'] as SessionRecord['method'],
  createdAt: row['created_at'] as string,
  expiresAt: row['expires_at'] as string,
});

/** Accounts, API tokens and browser sessions, in one SQLite file. Every statement is parameterised. */
export class CredentialStore {
  private readonly db: Database.Database;
  /** Prepared once: every request's sign-in reads a token and an account, and preparing cost more than the read. */
  private readonly statements = new Map<string, Database.Statement>();

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('synchronous = FULL');
    this.db.exec(CREDENTIAL_SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  private statement(sql: string): Database.Statement {
    let prepared = this.statements.get(sql);
    if (prepared === undefined) {
      prepared = this.db.prepare(sql);
      this.statements.set(sql, prepared);
    }
    return prepared;
  }

  accountCount(): number {
    return (this.statement('SELECT count(*) AS n FROM accounts').get() as { n: number }).n;
  }

  insertAccount(record: AccountRecord): void {
    this.statement(
      'INSERT INTO accounts (id, username, name, role, password_hash, oidc_subject, disabled_at, created_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      record.id,
      record.username,
      record.name,
      record.role,
      record.passwordHash,
      record.oidcSubject,
      record.disabledAt,
      record.createdAt,
    );
  }

  updateAccount(
    id: string,
    change: {
      readonly name?: string;
      readonly role?: UserRole;
      readonly passwordHash?: string;
      readonly disabledAt?: string | null;
    },
  ): void {
    const current = this.accountById(id);
    if (current === undefined) return;
    this.statement('UPDATE accounts SET name = ?, role = ?, password_hash = ?, disabled_at = ? WHERE id = ?').run(
      change.name ?? current.name,
      change.role ?? current.role,
      change.passwordHash ?? current.passwordHash,
      change.disabledAt === undefined ? current.disabledAt : change.disabledAt,
      id,
    );
  }

  accountById(id: string): AccountRecord | undefined {
    const row = this.statement('SELECT * FROM accounts WHERE id = ?').get(id) as Row | undefined;
    return row === undefined ? undefined : account(row);
  }

  accountByUsername(username: string): AccountRecord | undefined {
    const row = this.statement('SELECT * FROM accounts WHERE username = ?').get(username) as Row | undefined;
    return row === undefined ? undefined : account(row);
  }

  accountByOidcSubject(subject: string): AccountRecord | undefined {
    const row = this.statement('SELECT * FROM accounts WHERE oidc_subject = ?').get(subject) as Row | undefined;
    return row === undefined ? undefined : account(row);
  }

  accounts(): AccountRecord[] {
    return (this.statement('SELECT * FROM accounts ORDER BY username').all() as Row[]).map(account);
  }

  insertToken(record: TokenRecord): void {
    this.statement(
      'INSERT INTO api_tokens (id, name, hash, owner_id, actor_id, role, created_at, expires_at, revoked_at, last_used_at) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?, ?)',
    ).run(
      record.id,
      record.name,
      record.hash,
      record.ownerId,
      record.actorId,
      record.role,
      record.createdAt,
      record.expiresAt,
      record.revokedAt,
      record.lastUsedAt,
    );
  }

  tokenByHash(hash: string): TokenRecord | undefined {
    const row = this.statement('SELECT * FROM api_tokens WHERE hash = ?').get(hash) as Row | undefined;
    return row === undefined ? undefined : token(row);
  }

  tokenById(id: string): TokenRecord | undefined {
    const row = this.statement('SELECT * FROM api_tokens WHERE id = ?').get(id) as Row | undefined;
    return row === undefined ? undefined : token(row);
  }

  /** Every token, or those one account made. */
  tokens(ownerId?: string): TokenRecord[] {
    const rows =
      ownerId === undefined
        ? this.statement('SELECT * FROM api_tokens ORDER BY created_at, id').all()
        : this.statement('SELECT * FROM api_tokens WHERE owner_id = ? ORDER BY created_at, id').all(ownerId);
    return (rows as Row[]).map(token);
  }

  revokeToken(id: string, at: string): void {
    this.statement('UPDATE api_tokens SET revoked_at = ? WHERE id = ? AND revoked_at IS NULL').run(at, id);
  }

  touchToken(id: string, at: string): void {
    this.statement('UPDATE api_tokens SET last_used_at = ? WHERE id = ?').run(at, id);
  }

  insertSession(record: SessionRecord): void {
    this.statement(
      'INSERT INTO sessions (key_hash, account_id, csrf_token, method, created_at, expires_at) VALUES (?, ?, ?, ?, ?, ?)',
    ).run(record.keyHash, record.accountId, record.csrfToken, record.method, record.createdAt, record.expiresAt);
  }

  sessionByKeyHash(keyHash: string): SessionRecord | undefined {
    const row = this.statement('SELECT * FROM sessions WHERE key_hash = ?').get(keyHash) as Row | undefined;
    return row === undefined ? undefined : session(row);
  }

  deleteSession(keyHash: string): void {
    this.statement('DELETE FROM sessions WHERE key_hash = ?').run(keyHash);
  }

  /** A disabled account or a changed password ends every session of the account. */
  deleteSessionsOf(accountId: string): void {
    this.statement('DELETE FROM sessions WHERE account_id = ?').run(accountId);
  }

  deleteExpiredSessions(now: string): void {
    this.statement('DELETE FROM sessions WHERE expires_at <= ?').run(now);
  }
}
