import { writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { parseArgs } from 'node:util';
import { writeRatioChart } from './chart.js';
import { describeMachine } from './machine.js';
import { missedTargets, renderReport } from './report.js';
import type { BenchSection } from './suite.js';
import { SUITES } from './suites.js';

/** `node dist/run.js [--runs 5] [--only <suite>] [--out <file>]`; by default rewrites docs/benchmarks.md. */
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
  if (suites.length === 0) throw new Error(`no suite named ${values.only}; known: ${SUITES.map((s) => s.name).join(', ')}`);
  const machine = describeMachine();
  const sections: BenchSection[] = [];
  for (const suite of suites) {
    console.log(`bench: ${suite.name} (${runs} runs per figure)`);
    sections.push(await suite.run({ runs, log: (line) => console.log(`  ${suite.name}: ${line}`) }));
  }
  const report = { machine, date: new Date(), runs, sections };
  writeFileSync(values.out, renderReport(report));
  const chart = writeRatioChart(values.out);
  const missed = missedTargets(report);
  console.log(`bench: wrote ${values.out} and ${chart}; ${missed.length === 0 ? 'every target met' : `targets not met: ${missed.join('; ')}`}`);
}

main().catch((error: unknown) => {
  console.error(`bench: ${error instanceof Error ? (error.stack ?? error.message) : String(error)}`);
  process.exit(1);
});
