import type { Machine } from './machine.js';
import { median } from './measure.js';
import type { BenchSection, Figure, Ratio } from './suite.js';

/** A suite's section with when and how it was measured: `--only` reruns one and keeps the others. */
export interface MeasuredSection extends BenchSection {
  /** The suite that wrote it (suites.ts). */
  readonly suite: string;
  readonly measuredAt: Date;
  readonly runs: number;
  /** Load average (1 min) when the suite started. */
  readonly loadAverage: number;
}

export interface Report {
  readonly machine: Machine;
  readonly sections: readonly MeasuredSection[];
}

const number = new Intl.NumberFormat('en-US', { maximumFractionDigits: 0 });

function meets(value: number, target: number, lowerIsBetter = false): boolean {
  return lowerIsBetter ? value <= target : value >= target;
}

function verdict(value: number, target: number | undefined, lowerIsBetter = false): string {
  if (target === undefined) return '—';
  return meets(value, target, lowerIsBetter) ? 'met' : '**not met**';
}

function figureRow(figure: Figure): string {
  const value = median(figure.samples);
  const target =
    figure.target === undefined ? '—' : `${figure.lowerIsBetter === true ? '≤' : '≥'} ${number.format(figure.target)}`;
  const spread = `${number.format(Math.min(...figure.samples))} – ${number.format(Math.max(...figure.samples))}`;
  return `| ${figure.label} | ${number.format(value)} ${figure.unit} | ${spread} | ${target} | ${verdict(value, figure.target, figure.lowerIsBetter)} |`;
}

/**
 * The median of the per-run ratios: run i of `of` was measured right next to run i of
 * `against`, so a slow moment of the machine (other processes) cancels out in each ratio.
 */
export function ratioValue(section: BenchSection, ratio: Ratio): number {
  const find = (id: string) => {
    const figure = section.figures.find((f) => f.id === id);
    if (figure === undefined)
      throw new Error(`${section.title}: ratio "${ratio.label}" refers to unknown figure ${id}`);
    return figure.samples;
  };
  const [of, against] = [find(ratio.of), find(ratio.against)];
  if (of.length !== against.length)
    throw new Error(`${section.title}: ratio "${ratio.label}" pairs ${of.length} runs with ${against.length}`);
  return median(of.map((value, run) => value / against[run]!));
}

function ratioRow(section: BenchSection, ratio: Ratio): string {
  const value = ratioValue(section, ratio);
  const target = ratio.target === undefined ? '—' : `≥ ${ratio.target.toFixed(2)}`;
  return `| ${ratio.label} | ${value.toFixed(2)} | ${target} | ${verdict(value, ratio.target)} |`;
}

function renderSection(section: MeasuredSection): string {
  const when = `Measured ${section.measuredAt.toISOString()}, ${section.runs} runs, load average (1 min) ${section.loadAverage.toFixed(2)} when the suite started.`;
  const lines = [
    `## ${section.title}`,
    '',
    section.method,
    '',
    when,
    '',
    '| figure | median | range over runs | target | |',
    '| --- | --- | --- | --- | --- |',
  ];
  lines.push(...section.figures.map(figureRow));
  if (section.ratios.length > 0) {
    lines.push('', '| ratio (median of per-run ratios) | value | target | |', '| --- | --- | --- | --- |');
    lines.push(...section.ratios.map((ratio) => ratioRow(section, ratio)));
  }
  return lines.join('\n');
}

/** Every target of the report, for the runner's summary line and exit code. */
export function missedTargets(report: Report): string[] {
  const missed: string[] = [];
  for (const section of report.sections) {
    for (const figure of section.figures) {
      if (figure.target !== undefined && !meets(median(figure.samples), figure.target, figure.lowerIsBetter))
        missed.push(`${section.title}: ${figure.label}`);
    }
    for (const ratio of section.ratios) {
      if (ratio.target !== undefined && ratioValue(section, ratio) < ratio.target)
        missed.push(`${section.title}: ${ratio.label}`);
    }
  }
  return missed;
}

export function renderReport(report: Report): string {
  const { machine } = report;
  return [
    '# Benchmarks',
    '',
    'Written by `npm run bench` (test/bench); do not edit by hand. Each figure is the median of',
    'its runs after one warm-up run; the range shows the slowest and fastest run.',
    'A ratio pairs each run of a figure with the run of its baseline measured right after it and',
    'reports the median of those per-run ratios, so a busy moment of the machine cancels out.',
    '`npm run bench -- --only <suite>` measures one suite again and keeps the others (benchmarks.json',
    'holds every sample); each section says when it was measured.',
    '',
    `- CPU: ${machine.cpu}, ${machine.cores} cores`,
    `- memory: ${machine.memoryGiB} GiB`,
    `- OS: ${machine.os}`,
    `- Node.js: ${machine.node}`,
    '',
    // Drawn next to this file by chart.ts after the report is written.
    '![ratios against their baselines](benchmarks-ratios.svg)',
    '',
    ...report.sections.flatMap((section) => [renderSection(section), '']),
  ].join('\n');
}
