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

const DEFAULT_OUT = resolve(__dirname, '..', '..', '..', 'docs', 'benchmarks.md');

const USAGE = `usage: npm run bench -- [--runs N] [--only SUITE] [--out FILE]

  --runs N      runs per figure, the median reported (default 5)
  --only SUITE  measure one suite and keep the others' sections as last measured
                (${SUITES.map((suite) => suite.name).join(', ')})
  --out FILE    the report to write (default docs/benchmarks.md, its data beside it)
  --help        this text

Sizes and kept data, from the environment:
  BENCH_KPI_EVENTS=1000000,10000000   the KPI suite's history sizes
  BENCH_STAFFING_EVENTS=10000000      the staffing history's size
  BENCH_STAFFING_STORE=DIR            keep the staffing history in DIR between runs
  BENCH_LIBRARY_ASSETS=100000         the knowledge library's assets
  BENCH_FAIRNESS_EVENTS=1000000       the history a manager reads beside analysts
  BENCH_AUDIT_BIDS=300,3000           the audit suite's background bids
  BENCH_LAG_SECONDS=60                how long the projection lag is measured`;

/** A mistake in the command line, as opposed to a failure while measuring. */
class UsageError extends Error {}

type BenchArguments = { readonly runs: string; readonly only?: string; readonly out: string };

function argumentsOf(args: readonly string[]): BenchArguments | 'help' {
  try {
    const { values } = parseArgs({
      args: [...args],
      options: {
        runs: { type: 'string', default: '5' },
        only: { type: 'string' },
        out: { type: 'string', default: DEFAULT_OUT },
        help: { type: 'boolean', short: 'h' },
      },
    });
    if (values.help === true) return 'help';
    return { runs: values.runs, out: values.out, ...(values.only === undefined ? {} : { only: values.only }) };
  } catch (error) {
    // parseArgs names the unknown option or the missing value: say it with the usage, not a stack.
    throw new UsageError(error instanceof Error ? error.message : String(error));
  }
}

/**
 * `node dist/run.js [--runs 5] [--only <suite>] [--out <file>]`; by default rewrites
 * docs/benchmarks.md (and its data, benchmarks.json). With --only, the other suites' sections
 * are kept as they were last measured.
 */
async function main(): Promise<void> {
  const values = argumentsOf(process.argv.slice(2));
  if (values === 'help') {
    console.log(USAGE);
    return;
  }
  const runs = Number(values.runs);
  if (!Number.isInteger(runs) || runs < 1)
    throw new UsageError(`--runs must be a positive integer, got ${values.runs}`);
  const suites = SUITES.filter((suite) => values.only === undefined || suite.name === values.only);
  if (suites.length === 0)
    throw new UsageError(`no suite named ${values.only}; known: ${SUITES.map((s) => s.name).join(', ')}`);
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
  // A mistake in the command line is told with the usage; anything else with where it happened.
  if (error instanceof UsageError) console.error(`bench: ${error.message}\n\n${USAGE}`);
  else console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(error instanceof UsageError ? 2 : 1);
});
