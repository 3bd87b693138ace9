import { readFileSync, writeFileSync } from 'node:fs';
import { resolve } from 'node:path';
import { ratioChartSvg, ratiosFromReport } from './ratio-chart.js';

/** `node dist/chart.js [report.md]`: (re)draws docs/benchmarks-ratios.svg from a written report. */
export function writeRatioChart(reportFile: string): string {
  const svgFile = reportFile.replace(/\.md$/, '') + '-ratios.svg';
  writeFileSync(
    svgFile,
    ratioChartSvg(
      ratiosFromReport(readFileSync(reportFile, 'utf8')),
      'Presales Ledger benchmarks: ratios against their baselines',
    ),
  );
  return svgFile;
}

if (require.main === module) {
  const file = process.argv[2] ?? resolve(__dirname, '..', '..', '..', 'docs', 'benchmarks.md');
  console.log(`bench: wrote ${writeRatioChart(file)}`);
}
