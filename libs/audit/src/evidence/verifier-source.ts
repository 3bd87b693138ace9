import { readFileSync } from 'node:fs';
import { join } from 'node:path';

/**
 * The standalone verifier shipped inside every pack (libs/audit/verifier/verify.mjs): plain
 * JavaScript for any Node.js, importing only node:crypto, node:fs, node:path and node:url. Kept
 * outside src/ so the compiler leaves it byte for byte; both src/evidence and dist/evidence sit
 * two levels below the library root.
 */
export const VERIFIER_FILE = join(__dirname, '..', '..', 'verifier', 'verify.mjs');

let cached: Buffer | undefined;

export function verifierSource(): Buffer {
  cached ??= readFileSync(VERIFIER_FILE);
  return cached;
}
