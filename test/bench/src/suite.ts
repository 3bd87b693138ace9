/**
 * What a benchmark suite reports. Suites are registered in suites.ts; the runner (run.ts)
 * runs each, and report.ts turns the sections into docs/benchmarks.md.
 */
export interface BenchContext {
  /** How many times each figure is measured; the report shows the median. */
  readonly runs: number;
  /** Progress lines for the console while a suite runs. */
  readonly log: (line: string) => void;
}

/** One measured quantity: higher is better (a throughput) unless `lowerIsBetter` (a latency). */
export interface Figure {
  /** Unique within its section; ratios refer to figures by it. */
  readonly id: string;
  readonly label: string;
  readonly unit: string;
  /** One value per run. */
  readonly samples: readonly number[];
  /** The figure must reach at least this much (at most, when lowerIsBetter). */
  readonly target?: number;
  readonly lowerIsBetter?: boolean;
}

/** Ours against a baseline: median of `of` divided by median of `against`. */
export interface Ratio {
  readonly label: string;
  readonly of: string;
  readonly against: string;
  readonly target?: number;
}

export interface BenchSection {
  readonly title: string;
  /** What was measured and how, in a sentence or two of Markdown. */
  readonly method: string;
  readonly figures: readonly Figure[];
  readonly ratios: readonly Ratio[];
}

export interface BenchSuite {
  readonly name: string;
  run(context: BenchContext): Promise<BenchSection>;
}
