import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeRatioChart } from './chart.js';
import { describeMachine, loadAverageNow } from './machine.js';
import { missedTargets, renderReport, type MeasuredSection } from './report.js';
import {
  checkSameMachine,
  mergeReports,
  readStoredReport,
  storedReportFile,
  writeStoredReport,
} from './stored-report.js';
import { SUITES } from './suites.js';

/** Sections measured elsewhere (the dashboard's first view, by the browser test) follow this line; a run keeps them. */
const MEASURED_ELSEWHERE = '<!-- measured elsewhere, kept by npm run bench -->';

/**
 * `node dist/run.js [--runs 5] [--only <suite>] [--out <file>]`; by default rewrites
 * docs/benchmarks.md (and its data, benchmarks.json). With --only, the other suites' sections
 * are kept as they were last measured.
 */
async function main(): Promise<void> {
  const { values } = parseArgs({
    options: {
      runs: { type: 'string', default: '5' },
      only: { type: 'string' },
      out: { type: 'string', default: resolve(__dirname, '..', '..', '..', 'docs', 'benchmarks.md') },
    },
  });
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1) throw new Error(`--runs must be a positive integer, got ${values.runs}`);
  const suites = SUITES.filter((suite) => values.only === undefined || suite.name === values.only);
  if (suites.length === 0)
    throw new Error(`no suite named ${values.only}; known: ${SUITES.map((s) => s.name).join(', ')}`);
  const machine = describeMachine();
  const dataFile = storedReportFile(values.out);
  // Read first: a stored report from another machine stops the run before it measures anything.
  const previous = values.only === undefined ? undefined : readStoredReport(dataFile);
  if (previous !== undefined) checkSameMachine(previous, machine);
  if (values.only !== undefined && previous === undefined)
    console.warn(
      `bench: no ${dataFile} yet, so ${values.out} will hold the ${values.only} section only; run every suite once to keep the others`,
    );
  const sections: MeasuredSection[] = [];
  for (const suite of suites) {
    console.log(`bench: ${suite.name} (${runs} runs per figure)`);
    const [measuredAt, loadAverage] = [new Date(), loadAverageNow()];
    const section = await suite.run({ runs, log: (line) => console.log(`  ${suite.name}: ${line}`) });
    sections.push({ ...section, suite: suite.name, measuredAt, runs, loadAverage });
  }
  const report = mergeReports(
    previous,
    { machine, sections },
    SUITES.map((suite) => suite.name),
  );
  writeStoredReport(dataFile, report);
  const existing = existsSync(values.out) ? readFileSync(values.out, 'utf8') : '';
  const kept = existing.includes(MEASURED_ELSEWHERE) ? `\n${existing.slice(existing.indexOf(MEASURED_ELSEWHERE))}` : '';
  writeFileSync(values.out, renderReport(report) + kept);
  const chart = writeRatioChart(values.out);
  const missed = missedTargets(report);
  console.log(
    `bench: wrote ${values.out}, ${dataFile} and ${chart}; ${missed.length === 0 ? 'every target met' : `targets not met: ${missed.join('; ')}`}`,
  );
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
