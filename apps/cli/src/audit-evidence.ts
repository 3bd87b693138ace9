import { mkdirSync, writeFileSync } from 'node:fs';
import { dirname, join, resolve, sep } from 'node:path';
import { readTar } from '@presales/audit';
import { getRaw } from './audit-client.js';

export interface SavedPack {
  /** The .tar written, or the folder the pack was extracted into. */
  readonly path: string;
  readonly bytes: number;
  readonly manifestSha256: string;
  /** What to run to verify it. */
  readonly verifyCommand: string;
}

/**
 * Downloads a tender's evidence pack and writes it as a .tar (`--out`, default
 * `evidence-<tenderId>.tar`) or extracts it into a folder (`--extract DIR`).
 */
export async function saveEvidencePack(
  base: string,
  tenderId: string,
  target: { readonly out?: string; readonly extract?: string },
): Promise<SavedPack> {
  const { bytes, headers } = await getRaw(base, `/api/audit/tenders/${encodeURIComponent(tenderId)}/evidence`);
  const manifestSha256 = headers.get('x-manifest-sha256') ?? 'unknown';
  if (target.extract !== undefined) {
    const root = resolve(target.extract);
    let packDir = root;
    for (const entry of readTar(bytes)) {
      const file = resolve(root, entry.path);
      // A pack names files inside its own folder; anything else is not written.
      if (!file.startsWith(root + sep)) throw new Error(`the archive names ${entry.path}, outside ${root}`);
      mkdirSync(dirname(file), { recursive: true });
      writeFileSync(file, entry.bytes, { mode: entry.mode });
      packDir = dirname(file);
    }
    return { path: packDir, bytes: bytes.length, manifestSha256, verifyCommand: `node ${join(packDir, 'verify.mjs')}` };
  }
  const out = resolve(target.out ?? `evidence-${tenderId}.tar`);
  writeFileSync(out, bytes);
  return {
    path: out,
    bytes: bytes.length,
    manifestSha256,
    verifyCommand: `tar -xf ${out} && node evidence-${tenderId}/verify.mjs`,
  };
}
