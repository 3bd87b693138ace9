import { execFile } from 'node:child_process';
import { readFileSync, writeFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { AggregateStateResponse, SqlSchemaResponse } from '@presales/contracts';
import {
  apiFetch,
  json,
  runUntilExit,
  startPlatform,
  tempDataDir,
  untilCaughtUp,
  type PlatformProcess,
} from './platform-process.js';

const README = readFileSync(resolve(__dirname, '..', '..', '..', 'README.md'), 'utf8');

/** The `npx presales` lines of the README's shell block under `heading`, comments dropped. */
function block(heading: string): string[] {
  const section = README.slice(README.indexOf(`${heading}\n`));
  const body = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return body
    .split('\n')
    .filter((line) => line.startsWith('npx presales '))
    .map((line) => line.replace(/\s{2,}#.*$/, '').trim());
}

/** Every command line of the README's shell block under `heading`, continuation lines joined, comments and assignments dropped. */
function commandLines(heading: string): string[] {
  const section = README.slice(README.indexOf(`${heading}\n`));
  const body = /```sh\n([\s\S]*?)```/.exec(section)![1]!;
  return body
    .replace(/\\\n\s*/g, '')
    .split('\n')
    .filter((line) => line.startsWith('curl ') || line.startsWith('npx presales '));
}

/** Run a shell line with bash, with `env` added; its output and exit code. */
function bash(line: string, env: Record<string, string>): Promise<{ code: number; output: string }> {
  return new Promise((done) =>
    execFile('bash', ['-c', line], { env: { ...process.env, ...env } }, (error, stdout, stderr) =>
      done({ code: error === null ? 0 : Number(error.code ?? 1), output: stdout + stderr }),
    ),
  );
}

/** Shell words, quoted strings whole; `[--opt X]` put in, `a|b` as its first choice, placeholders given values. */
function argvOf(line: string, values: Readonly<Record<string, string>>): string[] {
  const words = [
    ...line
      .replace(/^npx presales\s+/, '')
      .replace(/\[([^\]]*)\]/g, '$1')
      .matchAll(/"([^"]*)"|'([^']*)'|(\S+)/g),
  ].map((match) => match[1] ?? match[2] ?? match[3]!);
  return words.map((word) => values[word] ?? (word.includes('|') && !word.includes(' ') ? word.split('|')[0]! : word));
}

describe("the README's commands, run as written against the demo platform", () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  beforeAll(async () => {
    // The demo a newcomer gets, seed 1 (its teams and their ids are the same at any scale), made
    // smaller so the platform starts within its timeout on a busy machine, and projected.
    const loaded = await runUntilExit([
      'demo',
      '--scale',
      '4000',
      '--start',
      '2025-06-01',
      '--months',
      '18',
      '--data-dir',
      data.dir,
    ]);
    expect(loaded.code, loaded.output).toBe(0);
    platform = await startPlatform(data.dir);
    await untilCaughtUp(platform.url, 120_000);
  }, 240_000);
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  const values = { ISO: '2026-06-30T23:59:59Z', '2': '2', 'table|csv|json': 'table', N: '0', DIR: 'unused' };

  it.each(block('## Command line').filter((line) => !line.startsWith('npx presales start')))(
    '%s',
    async (line) => {
      const result = await runUntilExit([...argvOf(line, values), '--url', platform.url]);
      expect(result.output).not.toMatch(/presales \w+: /);
      expect(result.code, result.output).toBe(0);
    },
    120_000,
  );

  it('records facts as the command API section shows: with curl, then with presales record', async () => {
    const lines = commandLines('### Recording facts: the command API');
    expect(lines.map((line) => line.split(' ').slice(0, 2).join(' '))).toEqual(['curl -X', 'curl -X', 'npx presales']);
    for (const line of lines) {
      if (line.startsWith('curl ')) {
        // As written, with the platform's address and token, and the HTTP status printed last.
        const result = await bash(
          `${line.replaceAll('http://localhost:3000/', platform.url)} -sS -w '\\n%{http_code}'`,
          { TOKEN: platform.adminToken },
        );
        expect(result.output.trim().split('\n').at(-1), `${line}\n${result.output}`).toBe('201');
      } else {
        const result = await runUntilExit([...argvOf(line, values), '--url', platform.url]);
        expect(result.code, `${line}\n${result.output}`).toBe(0);
        expect(result.output).toMatch(/recorded CaptureRequirement in opportunity-O-42 at revision 2/);
      }
    }
    const recorded = await json<AggregateStateResponse>(await apiFetch(`${platform.url}api/opportunities/O-42`));
    expect(recorded).toMatchObject({ revision: '2', state: { stage: 'discovery' } });
  });

  it("the SQL example answers with the demo's tenders by kind", async () => {
    const line = block('## Command line').find((candidate) => candidate.startsWith('npx presales sql'))!;
    const result = await runUntilExit([...argvOf(line, { 'table|csv|json': 'csv' }), '--url', platform.url]);
    expect(result.output).toMatch(/^kind,n\r?\n(rf[ipq]|tender),\d+/);
  });

  it("the README's statement is one of the workbench's example queries, and every example runs on the demo", async () => {
    const line = block('## Command line').find((candidate) => candidate.startsWith('npx presales sql'))!;
    const readmeSql = argvOf(line, values)[1]!;
    const { examples } = await json<SqlSchemaResponse>(await apiFetch(`${platform.url}api/sql/schema`));
    expect(examples.map((example) => example.sql)).toContain(readmeSql);
    for (const example of examples) {
      const result = await runUntilExit(['sql', example.sql, '--url', platform.url, '--format', 'csv']);
      expect(result.code, `${example.id}: ${result.output}`).toBe(0);
      expect(result.output, `${example.id} answers its columns`).toMatch(/^\w+(,\w+)*\r?\n/);
    }
  }, 180_000);
});

describe("the README's demo, import and export commands, run as written", () => {
  const data = tempDataDir();
  afterAll(() => data.remove());

  it('loads the demo, exports it, imports the export and a spreadsheet into fresh stores, and restores it', async () => {
    const lines = block('### Demo data, import and export');
    const file = join(data.dir, 'all.jsonl');
    const sheet = join(data.dir, 'deals.csv');
    // As Excel's "CSV UTF-8" saves it: a byte-order mark, CRLF.
    writeFileSync(
      sheet,
      '\ufeffopportunityId,name,customer,industry,region,productLines,projectType,estimatedValue,currency,salesOwnerId,registeredAt\r\nO-README,ERP 升级,华东电网,utilities,east,erp,project,1200000,CNY,s-1,2026-01-05\r\n',
    );
    const run = async (line: string, dataDir: string, values: Record<string, string>) => {
      const result = await runUntilExit([...argvOf(line, values), '--data-dir', join(data.dir, dataDir)]);
      expect(result.code, `${line}\n${result.output}`).toBe(0);
      return result.output;
    };
    const [demo, importJsonl, importCsv, exportJsonl, restore] = lines;
    expect(lines).toHaveLength(5);
    // `[--out FILE]` and a scale are the other forms; into an empty store with the defaults but a small scale.
    await run(demo!.replace(/\s*\[--out FILE\]/, ''), 'source', { 'small|medium|large|N': '3000', S: '1' });
    await run(exportJsonl!.replace(/\s*\[[^\]]*\]/g, ''), 'source', { 'FILE.jsonl': file });
    expect(await run(importJsonl!, 'imported', { 'FILE.jsonl': file })).toMatch(/ 0 rejected/);
    expect(await run(importJsonl!, 'imported', { 'FILE.jsonl': file })).toMatch(
      / 0 appended, [\d,]+ already present, 0 rejected/,
    );
    expect(await run(importCsv!.replace(/\s*\[[^\]]*\]/g, ''), 'imported', { 'FILE.csv': sheet })).toMatch(
      /1 appended/,
    );
    expect(await run(restore!, 'restored', { 'FILE.jsonl': file })).toMatch(/verifyAll: ok/);
  }, 180_000);
});
