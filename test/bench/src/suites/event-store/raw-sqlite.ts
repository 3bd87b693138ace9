import Database from 'better-sqlite3';
import type { Durability } from '@presales/event-store-sqlite';

/** A row of `events` exactly as the store wrote it. */
export type EventRowValues = [number, string, string, number, string, string, string, string, string];

const COLUMNS = 'position, id, stream_id, revision, type, data, metadata, hash, ledger_hash';

/** Every event row of a store's file, in position order. */
export function readRows(file: string): EventRowValues[] {
  const db = new Database(file, { readonly: true });
  try {
    return db.prepare(`SELECT ${COLUMNS} FROM events ORDER BY position`).raw().all() as EventRowValues[];
  } finally {
    db.close();
  }
}

/**
 * The baseline for appends: plain better-sqlite3 inserting the same rows into the same table
 * (same indexes, WAL, same synchronous level), one transaction per batch, one prepared
 * statement, nothing computed. `file` must already hold the store's schema.
 */
export function rawInsertThroughput(
  file: string,
  durability: Durability,
  rows: readonly EventRowValues[],
  batchSize: number,
): number {
  const db = new Database(file);
  try {
    db.pragma('journal_mode = WAL');
    db.pragma(`synchronous = ${durability === 'normal' ? 'NORMAL' : 'FULL'}`);
    const insert = db.prepare(`INSERT INTO events (${COLUMNS}) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)`);
    const insertBatch = db.transaction((batch: readonly EventRowValues[]) => {
      for (const row of batch) insert.run(...row);
    });
    const batches: EventRowValues[][] = [];
    for (let from = 0; from < rows.length; from += batchSize) batches.push(rows.slice(from, from + batchSize));
    const started = process.hrtime.bigint();
    for (const batch of batches) insertBatch(batch);
    return rows.length / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    db.close();
  }
}

/** The baseline for `$all` reads: the same paged SELECT, rows left as SQLite returns them. */
export function rawReadThroughput(file: string, pageSize: number): number {
  const db = new Database(file, { readonly: true });
  try {
    const page = db.prepare<[number, number], { position: number }>(
      'SELECT * FROM events WHERE position >= ? ORDER BY position LIMIT ?',
    );
    let count = 0;
    const started = process.hrtime.bigint();
    for (let from = 1; ;) {
      const rows = page.all(from, pageSize);
      count += rows.length;
      if (rows.length < pageSize) break;
      from = rows[rows.length - 1]!.position + 1;
    }
    return count / (Number(process.hrtime.bigint() - started) / 1e9);
  } finally {
    db.close();
  }
}
