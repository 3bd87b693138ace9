import { createWriteStream, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { once } from 'node:events';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import iconv from 'iconv-lite';
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { runImport } from './import-command.js';
import { SqliteEventStore } from '@presales/event-store-sqlite';
import { honestAppends } from '@presales/event-store/testing';
import {
  CSV_TABLES,
  CsvEncodingError,
  CsvSyntaxError,
  importCsvFile,
  importJsonlFile,
  parseCsvEncoding,
  rejectionReportPath,
  type Rejection,
} from '@presales/interchange';

let dir: string;
let store: SqliteEventStore;
beforeEach(() => {
  dir = mkdtempSync(join(tmpdir(), 'presales-import-'));
  // Every event these tests write, directly or through the importer, is one the domain accepts.
  store = honestAppends(SqliteEventStore.open({ file: join(dir, 'events.sqlite'), durability: 'normal' }));
});

/** The opportunity the tenders below name: a tender for an unregistered opportunity is refused. */
async function registerO1(): Promise<void> {
  const { stream, type, data, metadata } = registered('O1');
  await store.appendToStream(stream, [{ id: 'opp-O1', type, data, metadata: { ...metadata, schemaVersion: 1 } }]);
}
afterEach(async () => {
  await store.close();
  rmSync(dir, { recursive: true, force: true });
});

const actor = { id: 'u1', role: 'consultant' } as const;
const registered = (id: string) => ({
  stream: `opportunity-${id}`,
  type: 'OpportunityRegistered',
  data: {
    opportunityId: id,
    name: 'ERP rollout',
    customer: 'City IT',
    industry: 'government',
    region: 'east',
    productLines: ['erp'],
    projectType: 'project',
    estimatedValue: { amount: '1000000', currency: 'CNY' },
    salesOwnerId: 's1',
  },
  metadata: meta('2025-01-15T09:00:00Z'),
});
const meta = (occurredAt: string) => ({ occurredAt, actor });
const received = (id: string) => ({
  stream: `tender-${id}`,
  type: 'TenderReceived',
  data: { tenderId: id, opportunityId: 'O1', kind: 'rfp', issuer: 'City IT', deadline: '2025-03-01T12:00:00Z' },
  metadata: meta('2025-02-01T09:00:00Z'),
});
const decided = (id: string) => ({
  stream: `tender-${id}`,
  type: 'BidDecisionMade',
  data: { decision: 'bid', rationale: 'good fit', score: 70 },
  metadata: meta('2025-02-02T09:00:00Z'),
});

const teamFormed = {
  stream: 'team-t1',
  type: 'TeamFormed',
  data: { teamId: 't1', name: 'ERP East', managerId: 'm1', productLines: ['erp'] },
  metadata: meta('2025-01-01T08:00:00Z'),
};

/** The team the consultants below are onboarded into. */
async function formT1(): Promise<void> {
  await store.appendToStream('team-t1', [
    {
      id: 'team-t1',
      type: teamFormed.type,
      data: teamFormed.data,
      metadata: { ...teamFormed.metadata, schemaVersion: 1 },
    },
  ]);
}

function writeLines(name: string, lines: readonly (string | Buffer)[]): string {
  const path = join(dir, name);
  writeFileSync(
    path,
    Buffer.concat(
      lines.map((line) =>
        typeof line === 'string' ? Buffer.from(`${line}\n`) : Buffer.concat([line, Buffer.from('\n')]),
      ),
    ),
  );
  return path;
}

function reportOf(path: string): Rejection[] {
  return readFileSync(rejectionReportPath(path), 'utf8')
    .split('\n')
    .filter((line) => line !== '')
    .map((line) => JSON.parse(line) as Rejection);
}

describe('presales import: bad input is reported by line and never stops the rest or corrupts the store', () => {
  it('reports each kind of bad line with its line number and appends every valid line', async () => {
    await registerO1();
    const path = writeLines('mixed.jsonl', [
      JSON.stringify(received('T1')), // 1 valid
      '{"stream":"tender-T2","type":"TenderReceived","data":{"tenderId":"T2"', // 2 truncated
      JSON.stringify({ ...received('T3'), data: { ...received('T3').data, kind: 42 } }), // 3 wrong type
      JSON.stringify({ ...received('T4'), type: 'TenderTeleported' }), // 4 unknown event type
      JSON.stringify({
        stream: 'tender-T5',
        type: 'BidSubmitted',
        data: { documentSha256: 'a'.repeat(64), channel: 'portal' },
        metadata: meta('2025-02-03T09:00:00Z'),
      }), // 5 unknown stream
      JSON.stringify({ ...decided('T1'), revision: 5 }), // 6 out-of-order revision
      JSON.stringify({ ...decided('T1'), revision: 1 }), // 7 valid, revision given
      JSON.stringify({ ...received('T8'), id: 'fixed-id-1' }), // 8 valid with a given id
      JSON.stringify({ ...received('T9'), id: 'fixed-id-1' }), // 9 duplicate id, other content
      Buffer.from([0x7b, 0x22, 0xff, 0xfe, 0x22, 0x7d]), // 10 invalid UTF-8
      JSON.stringify({ ...received('T11'), stream: 'nonsense-T11' }), // 11 unknown category
      JSON.stringify(received('T12')), // 12 valid
      JSON.stringify(received('T12')).replace('City IT', 'Other issuer'), // 13 TenderReceived twice (invariant)
      JSON.stringify({ ...received('T14'), metadata: meta('2025-03-01T12:00:00Z') }), // 14 received at its deadline (invariant)
    ]);
    const result = await importJsonlFile(path, store);
    expect(result).toMatchObject({ lines: 14, appended: 4, alreadyPresent: 0, rejected: 10 });
    const report = reportOf(path);
    const byLine = new Map(report.map((rejection) => [rejection.line, rejection]));
    expect([...byLine.keys()].sort((a, b) => a - b)).toEqual([2, 3, 4, 5, 6, 9, 10, 11, 13, 14]);
    expect(byLine.get(2)).toMatchObject({ code: 'invalid_json' });
    expect(byLine.get(3)).toMatchObject({ code: 'invalid_data', stream: 'tender-T3' });
    expect(byLine.get(3)!.reason).toMatch(/kind = 42/);
    expect(byLine.get(4)).toMatchObject({ code: 'unknown_event_type' });
    expect(byLine.get(5)).toMatchObject({ code: 'invariant', stream: 'tender-T5' });
    expect(byLine.get(5)!.reason).toMatch(/BidSubmitted needs TenderReceived first/);
    expect(byLine.get(6)).toMatchObject({ code: 'revision_out_of_order' });
    expect(byLine.get(9)).toMatchObject({ code: 'duplicate_id', id: 'fixed-id-1' });
    expect(byLine.get(10)).toMatchObject({ code: 'invalid_utf8' });
    expect(byLine.get(11)).toMatchObject({ code: 'unknown_stream' });
    expect(byLine.get(13)).toMatchObject({ code: 'invariant' });
    expect(byLine.get(14)).toMatchObject({
      code: 'invariant',
      stream: 'tender-T14',
      reason: 'tender T14: its deadline 2025-03-01T12:00:00Z is not after its receipt 2025-03-01T12:00:00Z',
    });
    expect((await store.readStream('tender-T1')).map((event) => event.type)).toEqual([
      'TenderReceived',
      'BidDecisionMade',
    ]);
    await expect(store.readStream('tender-T9')).rejects.toThrow(/not found/);
    expect(await store.verifyAll()).toMatchObject({ ok: true, events: 5 });
  });

  it('rejects a 100 MB single line by the length cap without buffering it, and goes on', async () => {
    await registerO1();
    const path = join(dir, 'huge.jsonl');
    const out = createWriteStream(path);
    out.write(`${JSON.stringify(received('A'))}\n{"stream":"tender-B","data":"`);
    const block = 'x'.repeat(1024 * 1024);
    for (let i = 0; i < 100; i += 1) if (!out.write(block)) await once(out, 'drain');
    out.end(`"}\n${JSON.stringify(received('C'))}\n`);
    await once(out, 'finish');
    const before = process.memoryUsage().rss;
    const result = await importJsonlFile(path, store);
    expect(result).toMatchObject({ lines: 3, appended: 2, rejected: 1 });
    expect(reportOf(path)).toEqual([expect.objectContaining({ line: 2, code: 'line_too_long' })]);
    // The line never sat in memory: far less growth than its 100 MB.
    expect(process.memoryUsage().rss - before).toBeLessThan(60 * 1024 * 1024);
  });

  it('appends nothing when the same file is imported again', async () => {
    await registerO1();
    const path = writeLines('twice.jsonl', [
      JSON.stringify(received('R1')),
      JSON.stringify(decided('R1')),
      JSON.stringify(received('R2')),
    ]);
    expect(await importJsonlFile(path, store)).toMatchObject({ appended: 3, rejected: 0 });
    expect(await importJsonlFile(path, store)).toMatchObject({ appended: 0, alreadyPresent: 3, rejected: 0 });
    expect(await store.readAll()).toHaveLength(4);
  });

  it('checks lines for streams that already exist against their history in the store', async () => {
    await registerO1();
    await importJsonlFile(
      writeLines('first.jsonl', [
        JSON.stringify(received('E1')),
        JSON.stringify({ ...decided('E1'), data: { decision: 'no_bid', rationale: 'no fit', score: 10 } }),
      ]),
      store,
    );
    const path = writeLines('second.jsonl', [
      JSON.stringify({
        stream: 'tender-E1',
        type: 'ResponseSectionAssigned',
        data: { sectionId: 's1', title: 'Summary', assigneeId: 'c1', dueAt: '2025-02-10T09:00:00Z' },
        metadata: meta('2025-02-05T09:00:00Z'),
      }),
    ]);
    expect(await importJsonlFile(path, store)).toMatchObject({ appended: 0, rejected: 1 });
    expect(reportOf(path)[0]!.reason).toMatch(/after a no_bid decision/);
  });

  it('imports a CSV time sheet through a column mapping, with the same report', async () => {
    await registerO1();
    await store.appendToStream('consultant-c1', [
      {
        id: 'onb-1',
        type: 'ConsultantOnboarded',
        data: {
          consultantId: 'c1',
          name: 'Wang Wei',
          teamId: 't1',
          level: 'senior',
          productLines: ['erp'],
          skills: ['SAP FI'],
          weeklyCapacityHours: 40,
          hourlyCost: { amount: '600', currency: 'CNY' },
        },
        metadata: { ...meta('2025-01-01T09:00:00Z'), schemaVersion: 1 },
      },
    ]);
    const path = join(dir, 'hours.csv');
    writeFileSync(
      path,
      'Consultant,Day,Hours,Kind,Deal\nc1,2025-02-03,6.5,customer_facing,O1\nc1,2025-02-04,"lots",solution,\nc9,2025-02-04,4,solution,\n',
    );
    const result = await importCsvFile(
      path,
      CSV_TABLES['time-logs'],
      { Consultant: 'consultantId', Day: 'date', Kind: 'category', Deal: 'opportunityId' },
      { id: 'pmo', role: 'admin' },
      store,
    );
    expect(result).toMatchObject({ lines: 3, appended: 1, rejected: 2 });
    const report = reportOf(path);
    expect(report.map((rejection) => rejection.line)).toEqual([3, 4]);
    expect(report[0]!.reason).toMatch(/hours = "lots"/);
    expect(report[1]!.reason).toMatch(/TimeLogged needs ConsultantOnboarded first/);
    expect(
      await importCsvFile(
        path,
        CSV_TABLES['time-logs'],
        { Consultant: 'consultantId', Day: 'date', Kind: 'category', Deal: 'opportunityId' },
        { id: 'pmo', role: 'admin' },
        store,
      ),
    ).toMatchObject({ appended: 0, alreadyPresent: 1 });
  });
});

describe('presales import checks references', () => {
  const section = (tender: string, assignee: string) => ({
    stream: `tender-${tender}`,
    type: 'ResponseSectionAssigned',
    data: { sectionId: 's1', title: 'Summary', assigneeId: assignee, dueAt: '2025-02-10T09:00:00Z' },
    metadata: meta('2025-02-05T09:00:00Z'),
  });

  it('refuses a tender for an opportunity never registered and a section for an unknown consultant, naming the reference', async () => {
    await registerO1();
    const path = writeLines('refs.jsonl', [
      JSON.stringify({ ...received('T1'), data: { ...received('T1').data, opportunityId: 'O-404' } }), // 1 unknown opportunity
      JSON.stringify(received('T2')), // 2 O1 is registered
      JSON.stringify(decided('T2')), // 3
      JSON.stringify(section('T2', 'c-404')), // 4 unknown consultant
    ]);
    const result = await importJsonlFile(path, store);
    expect(result).toMatchObject({ appended: 2, rejected: 2, rejectedByCode: { unknown_reference: 2 } });
    const [tender, assigned] = reportOf(path);
    expect(tender).toMatchObject({ line: 1, code: 'unknown_reference', stream: 'tender-T1' });
    expect(tender!.reason).toMatch(
      /opportunityId = "O-404": no opportunity-O-404 on the record or on an earlier line.*--references forward/,
    );
    expect(assigned).toMatchObject({ line: 4, code: 'unknown_reference' });
    expect(assigned!.reason).toMatch(/assigneeId = "c-404": no consultant-c-404/);
  });

  it('accepts what an earlier line of the file records, and with references forward what a later line records', async () => {
    const before = writeLines('before.jsonl', [
      JSON.stringify(registered('O2')),
      JSON.stringify({ ...received('T3'), data: { ...received('T3').data, opportunityId: 'O2' } }),
    ]);
    expect(await importJsonlFile(before, store)).toMatchObject({ appended: 2, rejected: 0 });
    const after = writeLines('after.jsonl', [
      JSON.stringify({ ...received('T4'), data: { ...received('T4').data, opportunityId: 'O3' } }),
      JSON.stringify(registered('O3')),
    ]);
    expect(await importJsonlFile(after, store)).toMatchObject({
      appended: 1,
      rejected: 1,
      rejectedByCode: { unknown_reference: 1 },
    });
    expect(await importJsonlFile(after, store, { references: 'forward' })).toMatchObject({
      appended: 1,
      alreadyPresent: 1,
      rejected: 0,
    });
  });
});

describe('presales import of a CSV file: decoded and parsed whole before anything is appended', () => {
  const consultantsSheet = (rows: readonly string[]) =>
    ['工号,姓名,团队,职级,周工时,时薪,币种,入职日期', ...rows].join('\r\n') + '\r\n';
  const mapping = {
    工号: 'consultantId',
    姓名: 'name',
    团队: 'teamId',
    职级: 'level',
    周工时: 'weeklyCapacityHours',
    时薪: 'hourlyCost',
    币种: 'currency',
    入职日期: 'onboardedAt',
  };
  const pmo = { id: 'pmo', role: 'admin' } as const;

  it('records the Chinese names of a GBK sheet (Excel "CSV" in a Chinese locale) read with encoding gb18030', async () => {
    await formT1();
    const path = join(dir, 'consultants.csv');
    writeFileSync(
      path,
      iconv.encode(
        consultantsSheet([
          'c1,王伟,t1,senior,40,600,CNY,2025-01-02',
          'c2,"李娜, 组长",t1,manager,40,800,CNY,2025-01-03',
        ]),
        'gbk',
      ),
    );
    const result = await importCsvFile(path, CSV_TABLES.consultants, mapping, pmo, store, {
      encoding: parseCsvEncoding('gb18030'),
    });
    expect(result, JSON.stringify(result.examples)).toMatchObject({ appended: 2, rejected: 0 });
    expect((await store.readStream('consultant-c2'))[0]!.data).toMatchObject({ name: '李娜, 组长' });
  });

  it('refuses the GBK sheet read as UTF-8, naming --encoding, and records nothing', async () => {
    const path = join(dir, 'consultants.csv');
    writeFileSync(path, iconv.encode(consultantsSheet(['c1,王伟,t1,senior,40,600,CNY,2025-01-02']), 'gbk'));
    await expect(importCsvFile(path, CSV_TABLES.consultants, mapping, pmo, store)).rejects.toThrow(CsvEncodingError);
    await expect(importCsvFile(path, CSV_TABLES.consultants, mapping, pmo, store)).rejects.toThrow(
      /--encoding gb18030/,
    );
    expect(await store.readAll()).toHaveLength(0);
  });

  it('refuses a sheet with a stray quote on its last row, recording none of the rows before it', async () => {
    const path = join(dir, 'consultants.csv');
    writeFileSync(
      path,
      Buffer.concat([
        Buffer.from([0xef, 0xbb, 0xbf]),
        Buffer.from(
          consultantsSheet(['c1,王伟,t1,senior,40,600,CNY,2025-01-02', 'c2,李"娜,t1,manager,40,800,CNY,2025-01-03']),
        ),
      ]),
    );
    await expect(importCsvFile(path, CSV_TABLES.consultants, mapping, pmo, store)).rejects.toThrow(CsvSyntaxError);
    expect(await store.readAll()).toHaveLength(0);
  });
});

describe('presales import FILE.csv on the command line', () => {
  it('exits 2 with the reason and the option to use when the file is not UTF-8, and takes --encoding', async () => {
    const path = join(dir, 'team.csv');
    writeFileSync(
      path,
      iconv.encode(
        'consultantId,name,teamId,level,weeklyCapacityHours,hourlyCost,currency,onboardedAt\r\nc7,张三,t1,senior,40,500,CNY,2025-01-02\r\n',
        'gbk',
      ),
    );
    const errors: string[] = [];
    const spy = vi.spyOn(console, 'error').mockImplementation((message: string) => void errors.push(message));
    const log = vi.spyOn(console, 'log').mockImplementation((message: string) => void errors.push(message));
    try {
      const dataDir = join(dir, 'cli-data');
      expect(await runImport([writeLines('team.jsonl', [JSON.stringify(teamFormed)])], { 'data-dir': dataDir })).toBe(
        0,
      );
      expect(await runImport([path], { table: 'consultants', 'data-dir': dataDir })).toBe(2);
      expect(errors.join('\n')).toMatch(/presales import: team\.csv: line 2 is not valid UTF-8.*--encoding gb18030/);
      expect(
        await runImport([path], { table: 'consultants', 'data-dir': dataDir, encoding: 'gb18030' }),
        readFileSync(rejectionReportPath(path), 'utf8'),
      ).toBe(0);
      expect(await runImport([path], { table: 'consultants', 'data-dir': dataDir, encoding: 'latin-9000' })).toBe(2);
      expect(errors.at(-1)).toMatch(/--encoding latin-9000: not an encoding/);
    } finally {
      spy.mockRestore();
      log.mockRestore();
    }
  });
});
