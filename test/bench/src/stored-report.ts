import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import type { Machine } from './machine.js';
import type { MeasuredSection, Report } from './report.js';

/**
 * The report's data next to its Markdown (benchmarks.json beside benchmarks.md): every sample of
 * every section, so `--only <suite>` can measure one suite again and render the whole report
 * with the other sections as they were measured.
 */
export function storedReportFile(markdownFile: string): string {
  return `${markdownFile.replace(/\.md$/, '')}.json`;
}

export function writeStoredReport(file: string, report: Report): void {
  writeFileSync(file, `${JSON.stringify(report, null, 1)}\n`);
}

/** The stored report, or undefined when there is none yet. */
export function readStoredReport(file: string): Report | undefined {
  if (!existsSync(file)) return undefined;
  const parsed = JSON.parse(readFileSync(file, 'utf8')) as Report & {
    sections: (MeasuredSection & { measuredAt: string })[];
  };
  if (typeof parsed.machine?.cpu !== 'string' || !Array.isArray(parsed.sections))
    throw new Error(`${file} is not a stored benchmark report; delete it to start afresh`);
  return {
    machine: parsed.machine,
    sections: parsed.sections.map((section) => ({ ...section, measuredAt: new Date(section.measuredAt) })),
  };
}

/** Figures from another machine are not comparable: mixing them into one report is refused. */
export function checkSameMachine(previous: Report, machine: Machine): void {
  const was = previous.machine;
  if (was.cpu !== machine.cpu || was.cores !== machine.cores || was.memoryGiB !== machine.memoryGiB) {
    throw new Error(
      `the stored report was measured on ${was.cpu}, ${was.cores} cores, ${was.memoryGiB} GiB; this machine is ${machine.cpu}, ${machine.cores} cores, ${machine.memoryGiB} GiB: run every suite (no --only)`,
    );
  }
}

/** The fresh sections, and the previous ones of suites not measured again, in suite order. */
export function mergeReports(previous: Report | undefined, fresh: Report, suiteOrder: readonly string[]): Report {
  if (previous === undefined) return fresh;
  checkSameMachine(previous, fresh.machine);
  const section = (suite: string) =>
    fresh.sections.find((s) => s.suite === suite) ?? previous.sections.find((s) => s.suite === suite);
  return {
    machine: fresh.machine,
    sections: suiteOrder.map(section).filter((s): s is MeasuredSection => s !== undefined),
  };
}
