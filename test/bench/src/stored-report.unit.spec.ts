import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterEach, describe, expect, it } from 'vitest';
import type { MeasuredSection, Report } from './report.js';
import { mergeReports, readStoredReport, storedReportFile, writeStoredReport } from './stored-report.js';

const machine = { cpu: 'Test CPU', cores: 2, memoryGiB: 4, os: 'Linux 6', node: 'v20.0.0' };
const section = (suite: string, day: number): MeasuredSection => ({
  suite,
  title: suite,
  method: 'm',
  figures: [{ id: 'f', label: 'f', unit: 'ms', samples: [day] }],
  ratios: [],
  measuredAt: new Date(Date.UTC(2026, 0, day)),
  runs: 1,
  loadAverage: 0.1,
});

describe('stored report', () => {
  const dirs: string[] = [];
  afterEach(() => dirs.splice(0).forEach((dir) => rmSync(dir, { recursive: true, force: true })));

  it('lives next to the Markdown and reads back what was written, dates included', () => {
    const dir = mkdtempSync(join(tmpdir(), 'stored-report-'));
    dirs.push(dir);
    const file = storedReportFile(join(dir, 'benchmarks.md'));
    expect(file).toBe(join(dir, 'benchmarks.json'));
    expect(readStoredReport(file)).toBeUndefined();
    const report: Report = { machine, sections: [section('a', 1)] };
    writeStoredReport(file, report);
    expect(readStoredReport(file)).toEqual(report);
    writeFileSync(file, '{"something": "else"}');
    expect(() => readStoredReport(file)).toThrow(/not a stored benchmark report/);
  });

  it('replaces the suites measured again and keeps the others, in suite order', () => {
    const previous: Report = { machine, sections: [section('a', 1), section('b', 1), section('c', 1)] };
    const merged = mergeReports(previous, { machine, sections: [section('b', 2)] }, ['a', 'b', 'c']);
    expect(merged.sections.map((s) => [s.suite, s.measuredAt.getUTCDate()])).toEqual([
      ['a', 1],
      ['b', 2],
      ['c', 1],
    ]);
    expect(mergeReports(undefined, { machine, sections: [section('b', 2)] }, ['a', 'b'])).toEqual({
      machine,
      sections: [section('b', 2)],
    });
  });

  it('refuses to mix sections measured on another machine', () => {
    const previous: Report = { machine: { ...machine, cores: 8 }, sections: [section('a', 1)] };
    expect(() => mergeReports(previous, { machine, sections: [section('b', 2)] }, ['a', 'b'])).toThrow(
      /8 cores.*this machine is Test CPU, 2 cores/,
    );
  });
});
