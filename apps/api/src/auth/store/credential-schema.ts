/**
 * The credential file (`DATA_DIR/auth.sqlite`). Credentials are mutable state — a password
 * changes, a token's last use moves, a session ends — so they live here, not in the immutable
 * event log; what happened to them (sign-ins, failures, tokens made and revoked) is recorded as
 * security events in the event store (docs/decisions/0021-sign-in-and-roles.md).
 */
export const CREDENTIAL_SCHEMA = `
CREATE TABLE IF NOT EXISTS accounts (
  id TEXT PRIMARY KEY,
  username TEXT NOT NULL UNIQUE COLLATE NOCASE,
  name TEXT NOT NULL,
  role TEXT NOT NULL,
  password_hash TEXT,
  oidc_subject TEXT UNIQUE,
  disabled_at TEXT,
  created_at TEXT NOT NULL
);
CREATE TABLE IF NOT EXISTS api_tokens (
  id TEXT PRIMARY KEY,
  name TEXT NOT NULL,
  hash TEXT NOT NULL UNIQUE,
  owner_id TEXT NOT NULL,
  actor_id TEXT NOT NULL,
  role TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT,
  revoked_at TEXT,
  last_used_at TEXT
);
CREATE TABLE IF NOT EXISTS sessions (
  key_hash TEXT PRIMARY KEY,
  account_id TEXT NOT NULL,
  csrf_token TEXT NOT NULL,
  method TEXT NOT NULL,
  created_at TEXT NOT NULL,
  expires_at TEXT NOT NULL
);
CREATE INDEX IF NOT EXISTS sessions_by_account ON sessions (account_id);
`;
