import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';

/** The first answer to a request that carried an Idempotency-Key. */
export interface CommandReceipt {
  /** SHA-256 of method, path and body: the same key for another request is refused. */
  readonly fingerprint: string;
  readonly status: number;
  readonly body: string;
  readonly etag: string;
}

/** How long a receipt answers retries. */
const KEPT_FOR_MS = 7 * 86_400_000;
/** Expired receipts are removed at most this often, not on every kept answer. */
const EXPIRY_EVERY_MS = 60_000;

/**
 * Answers to requests with an Idempotency-Key, per caller, kept in `DATA_DIR/command-receipts.sqlite`
 * so a retry after a restart still gets the first answer and appends nothing. Kept 7 days.
 * Every statement is prepared once, and expiry runs through an index at most once a minute: a
 * kept answer is on every keyed command's path, where a delete scanning a week of receipts made
 * each command slower the more commands had been recorded.
 */
export class CommandReceipts {
  private readonly db: Database.Database;
  private readonly select: Database.Statement<[string, string], CommandReceipt>;
  private readonly insert: Database.Statement<[string, string, string, number, string, string, string]>;
  private readonly expire: Database.Statement<[string]>;
  private expiredAt = Number.NEGATIVE_INFINITY;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS receipts (
      caller TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
      body TEXT NOT NULL, etag TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (caller, key));
    CREATE INDEX IF NOT EXISTS receipts_created_at ON receipts (created_at)`);
    this.select = this.db.prepare('SELECT fingerprint, status, body, etag FROM receipts WHERE caller = ? AND key = ?');
    this.insert = this.db.prepare(
      'INSERT OR IGNORE INTO receipts (caller, key, fingerprint, status, body, etag, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
    );
    this.expire = this.db.prepare('DELETE FROM receipts WHERE created_at < ?');
  }

  find(caller: string, key: string): CommandReceipt | undefined {
    return this.select.get(caller, key);
  }

  keep(caller: string, key: string, receipt: CommandReceipt, now: Date): void {
    if (now.getTime() - this.expiredAt >= EXPIRY_EVERY_MS) {
      this.expire.run(new Date(now.getTime() - KEPT_FOR_MS).toISOString());
      this.expiredAt = now.getTime();
    }
    this.insert.run(caller, key, receipt.fingerprint, receipt.status, receipt.body, receipt.etag, now.toISOString());
  }

  close(): void {
    this.db.close();
  }
}
