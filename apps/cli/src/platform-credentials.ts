import { chmodSync, existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { homedir } from 'node:os';
import { dirname, join } from 'node:path';

/**
 * Where `presales login` keeps its API token, one per platform origin: PRESALES_CREDENTIALS, else
 * ~/.config/presales/credentials.json, readable by its owner only (0600). PRESALES_TOKEN, when
 * set, wins over the file (scripts and CI).
 */
export function credentialsFile(): string {
  return (
    process.env['PRESALES_CREDENTIALS'] ??
    join(process.env['XDG_CONFIG_HOME'] ?? join(homedir(), '.config'), 'presales', 'credentials.json')
  );
}

type SavedTokens = Record<string, string>;

function readSaved(): SavedTokens {
  const file = credentialsFile();
  if (!existsSync(file)) return {};
  try {
    const parsed: unknown = JSON.parse(readFileSync(file, 'utf8'));
    return parsed !== null && typeof parsed === 'object' ? (parsed as SavedTokens) : {};
  } catch {
    return {};
  }
}

function writeSaved(saved: SavedTokens): void {
  const file = credentialsFile();
  mkdirSync(dirname(file), { recursive: true, mode: 0o700 });
  writeFileSync(file, `${JSON.stringify(saved, null, 2)}\n`, { mode: 0o600 });
  chmodSync(file, 0o600);
}

export function tokenFor(base: string): string | undefined {
  const fromEnv = process.env['PRESALES_TOKEN']?.trim();
  if (fromEnv !== undefined && fromEnv !== '') return fromEnv;
  return readSaved()[new URL(base).origin];
}

export function saveToken(base: string, token: string): void {
  writeSaved({ ...readSaved(), [new URL(base).origin]: token });
}

/** true when a token for this platform was saved and is now forgotten. */
export function forgetToken(base: string): boolean {
  const saved = readSaved();
  const origin = new URL(base).origin;
  if (!(origin in saved)) return false;
  delete saved[origin];
  writeSaved(saved);
  return true;
}

/** The Authorization header for this platform, when there is a token. */
export function authorizationFor(base: string): Record<string, string> {
  const token = tokenFor(base);
  return token === undefined ? {} : { authorization: `Bearer ${token}` };
}
