import { createHash, randomBytes } from 'node:crypto';

/**
 * Secrets handed to people (API tokens, session keys, generated passwords) are 256 random bits;
 * only their SHA-256 is stored, so a copy of the credential file signs nobody in. A slow hash is
 * not needed here (unlike passwords): 256 random bits cannot be guessed.
 */
export function newSecret(prefix: string): string {
  return `${prefix}${randomBytes(32).toString('base64url')}`;
}

export function secretHash(secret: string): string {
  return createHash('sha256').update(secret, 'utf8').digest('hex');
}

/** A short random id for tokens and accounts (not secret). */
export function newId(prefix: string): string {
  return `${prefix}${randomBytes(9)
    .toString('base64url')
    .replace(/[^A-Za-z0-9]/g, 'x')}`;
}

/** A password a person can type from a terminal: 20 characters of base64url. */
export function newPassword(): string {
  return randomBytes(15).toString('base64url');
}
