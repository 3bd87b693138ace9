/**
 * The workbench file (`DATA_DIR/workbench.sqlite`, decision 0030): saved queries, their versions
 * and each analyst's history. Mutable user state, like the credentials beside it, so not in the
 * immutable event log; a file of its own, so neither store's schema or backups depend on the other.
 */
export const WORKBENCH_SCHEMA = `
CREATE TABLE IF NOT EXISTS saved_queries (
  id TEXT PRIMARY KEY,
  owner_id TEXT NOT NULL,
  owner_name TEXT NOT NULL,
  visibility TEXT NOT NULL CHECK (visibility IN ('private', 'team')),
  created_at TEXT NOT NULL,
  deleted_at TEXT
);
CREATE TABLE IF NOT EXISTS saved_query_versions (
  query_id TEXT NOT NULL REFERENCES saved_queries (id),
  version INTEGER NOT NULL,
  name TEXT NOT NULL,
  description TEXT NOT NULL,
  sql TEXT NOT NULL,
  chart TEXT,
  saved_at TEXT NOT NULL,
  saved_by_id TEXT NOT NULL,
  saved_by_name TEXT NOT NULL,
  PRIMARY KEY (query_id, version)
);
CREATE TABLE IF NOT EXISTS query_history (
  id INTEGER PRIMARY KEY AUTOINCREMENT,
  owner_id TEXT NOT NULL,
  sql TEXT NOT NULL,
  ran_at TEXT NOT NULL,
  format TEXT NOT NULL,
  outcome TEXT NOT NULL CHECK (outcome IN ('ok', 'refused')),
  row_count INTEGER,
  elapsed_ms INTEGER,
  reason TEXT
);
CREATE INDEX IF NOT EXISTS history_by_owner ON query_history (owner_id, id);
`;
