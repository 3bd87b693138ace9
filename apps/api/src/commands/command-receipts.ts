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

/**
 * Answers to requests with an Idempotency-Key, per caller, kept in `DATA_DIR/command-receipts.sqlite`
 * so a retry after a restart still gets the first answer and appends nothing. Kept 7 days.
 */
export class CommandReceipts {
  private readonly db: Database.Database;

  constructor(file: string) {
    mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.exec(`CREATE TABLE IF NOT EXISTS receipts (
      caller TEXT NOT NULL, key TEXT NOT NULL, fingerprint TEXT NOT NULL, status INTEGER NOT NULL,
      body TEXT NOT NULL, etag TEXT NOT NULL, created_at TEXT NOT NULL, PRIMARY KEY (caller, key))`);
  }

  find(caller: string, key: string): CommandReceipt | undefined {
    return this.db
      .prepare('SELECT fingerprint, status, body, etag FROM receipts WHERE caller = ? AND key = ?')
      .get(caller, key) as CommandReceipt | undefined;
  }

  keep(caller: string, key: string, receipt: CommandReceipt, now: Date): void {
    this.db
      .prepare('DELETE FROM receipts WHERE created_at < ?')
      .run(new Date(now.getTime() - 7 * 86_400_000).toISOString());
    this.db
      .prepare(
        'INSERT OR IGNORE INTO receipts (caller, key, fingerprint, status, body, etag, created_at) VALUES (?, ?, ?, ?, ?, ?, ?)',
      )
      .run(caller, key, receipt.fingerprint, receipt.status, receipt.body, receipt.etag, now.toISOString());
  }

  close(): void {
    this.db.close();
  }
}
