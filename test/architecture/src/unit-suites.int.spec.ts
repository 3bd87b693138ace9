import { execFileSync } from 'node:child_process';
import { readdirSync, readFileSync } from 'node:fs';
import { join, relative, resolve } from 'node:path';
import { describe, expect, it } from 'vitest';

const ROOT = resolve(__dirname, '..', '..', '..');
const PROJECT_GROUPS = ['libs', 'apps', 'dashboards', 'test'];

/** Every `*.unit.spec.ts` of every project's sources, relative to the root. */
function unitSpecs(dir: string): string[] {
  return readdirSync(dir, { withFileTypes: true }).flatMap((entry) => {
    const path = join(dir, entry.name);
    if (entry.isDirectory()) return entry.name === 'node_modules' || entry.name === 'dist' ? [] : unitSpecs(path);
    return entry.name.endsWith('.unit.spec.ts') ? [relative(ROOT, path)] : [];
  });
}

/** The files `npm run test:unit` runs, as Vitest lists them for the script's own arguments. */
function listedByTheScript(): string[] {
  const script = (JSON.parse(readFileSync(join(ROOT, 'package.json'), 'utf8')) as { scripts: Record<string, string> })
    .scripts['test:unit']!;
  const [command, mode, ...args] = script.split(' ');
  expect([command, mode]).toEqual(['vitest', 'run']);
  const vitest = join(ROOT, 'node_modules', 'vitest', 'vitest.mjs');
  const listed = execFileSync(process.execPath, [vitest, 'list', '--filesOnly', '--json', ...args], {
    cwd: ROOT,
    encoding: 'utf8',
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  return (JSON.parse(listed) as { file: string }[]).map((entry) => relative(ROOT, entry.file));
}

describe('npm run test:unit', () => {
  it('runs every unit suite of every project, and nothing else', () => {
    const expected = PROJECT_GROUPS.flatMap((group) => unitSpecs(join(ROOT, group))).sort();
    expect(expected.length).toBeGreaterThan(100);
    expect(listedByTheScript().sort()).toEqual(expected);
  }, 60_000);
});
