import type Database from 'better-sqlite3';
import { CheckpointConflictError, type CheckpointStore } from '@presales/event-store';

export class SqliteCheckpointStore implements CheckpointStore {
  private readonly select: Database.Statement<[string], { position: number }>;
  private readonly upsert: Database.Statement<[string, number, string]>;
  private readonly compareAndSet: (subscriberId: string, position: bigint, expected: bigint | undefined) => void;

  constructor(db: Database.Database, clock: () => Date) {
    this.select = db.prepare('SELECT position FROM checkpoints WHERE subscriber_id = ?');
    this.upsert = db.prepare(
      `INSERT INTO checkpoints (subscriber_id, position, updated_at) VALUES (?, ?, ?)
       ON CONFLICT (subscriber_id) DO UPDATE SET position = excluded.position, updated_at = excluded.updated_at`,
    );
    const transaction = db.transaction((subscriberId: string, position: bigint, expected: bigint | undefined) => {
      const actual = this.current(subscriberId);
      if (actual !== expected || (actual !== undefined && position < actual)) {
        throw new CheckpointConflictError(subscriberId, expected, actual, position);
      }
      this.upsert.run(subscriberId, Number(position), clock().toISOString());
    });
    // IMMEDIATE: take the write lock before reading, so two processes cannot both pass the check.
    this.compareAndSet = (subscriberId, position, expected) => transaction.immediate(subscriberId, position, expected);
  }

  async load(subscriberId: string): Promise<bigint | undefined> {
    return this.current(subscriberId);
  }

  async save(subscriberId: string, position: bigint, expected: bigint | undefined): Promise<void> {
    this.compareAndSet(subscriberId, position, expected);
  }

  private current(subscriberId: string): bigint | undefined {
    const row = this.select.get(subscriberId);
    return row === undefined ? undefined : BigInt(row.position);
  }
}
