import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { QueryHistoryEntry, SavedQuery, SavedQueryVersion, SavedQueryVisibility } from '@presales/contracts';
import { WORKBENCH_SCHEMA } from './workbench-schema.js';

type Row = Record<string, unknown>;

/** Entries of history kept per person: the oldest go as new ones come. */
export const HISTORY_KEPT = 200;

export interface Person {
  readonly id: string;
  readonly name: string;
}

export interface QueryDraft {
  readonly name: string;
  readonly description: string;
  readonly sql: string;
  readonly chart: string | null;
  readonly visibility: SavedQueryVisibility;
}

const version = (row: Row): SavedQueryVersion => ({
  version: row['version'] as number,
  name: row['name'] as string,
  description: row['description'] as string,
  sql: row['sql'] as string,
  chart: row['chart'] as string | null,
  savedAt: row['saved_at'] as string,
  savedBy: { id: row['saved_by_id'] as string, name: row['saved_by_name'] as string },
});

const LATEST = `SELECT q.id, q.owner_id, q.owner_name, q.visibility, q.created_at, v.*
  FROM saved_queries q JOIN saved_query_versions v ON v.query_id = q.id
  WHERE q.deleted_at IS NULL AND v.version = (SELECT max(version) FROM saved_query_versions WHERE query_id = q.id)`;

/** Saved queries with every version, and each person's history, in one SQLite file. Every statement is parameterised. */
export class WorkbenchStore {
  private readonly db: Database.Database;

  constructor(file: string) {
    if (file !== ':memory:') mkdirSync(dirname(file), { recursive: true });
    this.db = new Database(file);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.exec(WORKBENCH_SCHEMA);
  }

  close(): void {
    this.db.close();
  }

  /** The caller's own queries and the team's, latest version each, most recently saved first. */
  visibleTo(person: Person): SavedQuery[] {
    const rows = this.db
      .prepare(`${LATEST} AND (q.owner_id = ? OR q.visibility = 'team') ORDER BY v.saved_at DESC, q.id`)
      .all(person.id) as Row[];
    return rows.map((row) => this.savedQuery(row, person));
  }

  /** The query if it exists and the caller may see it; undefined otherwise (one answer for both: 404). */
  find(id: string, person: Person): SavedQuery | undefined {
    const row = this.db
      .prepare(`${LATEST} AND q.id = ? AND (q.owner_id = ? OR q.visibility = 'team')`)
      .get(id, person.id) as Row | undefined;
    return row === undefined ? undefined : this.savedQuery(row, person);
  }

  versions(id: string): SavedQueryVersion[] {
    return (
      this.db.prepare('SELECT * FROM saved_query_versions WHERE query_id = ? ORDER BY version DESC').all(id) as Row[]
    ).map(version);
  }

  create(id: string, owner: Person, draft: QueryDraft, at: string): void {
    this.db.transaction(() => {
      this.db
        .prepare('INSERT INTO saved_queries (id, owner_id, owner_name, visibility, created_at) VALUES (?, ?, ?, ?, ?)')
        .run(id, owner.id, owner.name, draft.visibility, at);
      this.insertVersion(id, 1, owner, draft, at);
    })();
  }

  /** Version `next` of a query; false when another save took that number first. */
  addVersion(id: string, next: number, by: Person, draft: QueryDraft, at: string): boolean {
    return this.db.transaction(() => {
      const current =
        (
          this.db.prepare('SELECT max(version) AS v FROM saved_query_versions WHERE query_id = ?').get(id) as {
            v: number | null;
          }
        ).v ?? 0;
      if (current + 1 !== next) return false;
      this.db.prepare('UPDATE saved_queries SET visibility = ? WHERE id = ?').run(draft.visibility, id);
      this.insertVersion(id, next, by, draft, at);
      return true;
    })();
  }

  delete(id: string, at: string): void {
    this.db.prepare('UPDATE saved_queries SET deleted_at = ? WHERE id = ? AND deleted_at IS NULL').run(at, id);
  }

  recordRun(ownerId: string, entry: Omit<QueryHistoryEntry, 'id'>): void {
    const { outcome } = entry;
    this.db.transaction(() => {
      this.db
        .prepare(
          'INSERT INTO query_history (owner_id, sql, ran_at, format, outcome, row_count, elapsed_ms, reason) VALUES (?, ?, ?, ?, ?, ?, ?, ?)',
        )
        .run(
          ownerId,
          entry.sql,
          entry.ranAt,
          entry.format,
          outcome.kind,
          outcome.kind === 'ok' ? outcome.rowCount : null,
          outcome.kind === 'ok' ? outcome.elapsedMs : null,
          outcome.kind === 'refused' ? outcome.reason : null,
        );
      this.db
        .prepare(
          'DELETE FROM query_history WHERE owner_id = ? AND id <= (SELECT id FROM query_history WHERE owner_id = ? ORDER BY id DESC LIMIT 1 OFFSET ?)',
        )
        .run(ownerId, ownerId, HISTORY_KEPT);
    })();
  }

  history(ownerId: string, limit: number): QueryHistoryEntry[] {
    const rows = this.db
      .prepare('SELECT * FROM query_history WHERE owner_id = ? ORDER BY id DESC LIMIT ?')
      .all(ownerId, limit) as Row[];
    return rows.map((row) => ({
      id: row['id'] as number,
      sql: row['sql'] as string,
      ranAt: row['ran_at'] as string,
      format: row['format'] as QueryHistoryEntry['format'],
      outcome:
        row['outcome'] === 'ok'
          ? { kind: 'ok', rowCount: row['row_count'] as number | null, elapsedMs: row['elapsed_ms'] as number }
          : { kind: 'refused', reason: row['reason'] as string },
    }));
  }

  private insertVersion(id: string, next: number, by: Person, draft: QueryDraft, at: string): void {
    this.db
      .prepare(
        'INSERT INTO saved_query_versions (query_id, version, name, description, sql, chart, saved_at, saved_by_id, saved_by_name) VALUES (?, ?, ?, ?, ?, ?, ?, ?, ?)',
      )
      .run(id, next, draft.name, draft.description, draft.sql, draft.chart, at, by.id, by.name);
  }

  private savedQuery(row: Row, person: Person): SavedQuery {
    return {
      id: row['id'] as string,
      owner: { id: row['owner_id'] as string, name: row['owner_name'] as string },
      visibility: row['visibility'] as SavedQueryVisibility,
      createdAt: row['created_at'] as string,
      latest: version(row),
      mine: row['owner_id'] === person.id,
    };
  }
}
