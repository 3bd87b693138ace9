/**
 * A strict reader of Prometheus' text exposition format (version 0.0.4), for tests: every line
 * must be a HELP, a TYPE, a blank line or a sample of the family last typed, or it throws naming
 * the line. What Prometheus itself would refuse to scrape fails here too.
 */
export interface Sample {
  readonly name: string;
  readonly labels: Readonly<Record<string, string>>;
  readonly value: number;
}

export interface MetricFamily {
  readonly name: string;
  readonly help: string;
  readonly type: 'counter' | 'gauge' | 'histogram' | 'summary' | 'untyped';
  readonly samples: Sample[];
}

const NAME = '[a-zA-Z_:][a-zA-Z0-9_:]*';
const HELP = new RegExp(`^# HELP (${NAME}) (.*)$`);
const TYPE = new RegExp(`^# TYPE (${NAME}) (counter|gauge|histogram|summary|untyped)$`);
const SAMPLE = new RegExp(
  `^(${NAME})(?:\\{((?:[a-zA-Z_][a-zA-Z0-9_]*="(?:[^"\\\\\\n]|\\\\[\\\\"n])*",?)*)\\})? (-?(?:[0-9.]+(?:e[+-]?[0-9]+)?|\\+Inf|-Inf|NaN))$`,
);
const LABEL = /([a-zA-Z_][a-zA-Z0-9_]*)="((?:[^"\\\n]|\\[\\"n])*)"/g;
const SUFFIXES: Readonly<Record<MetricFamily['type'], readonly string[]>> = {
  counter: [''],
  gauge: [''],
  untyped: [''],
  histogram: ['_bucket', '_sum', '_count'],
  summary: ['', '_sum', '_count'],
};

export function parseExposition(text: string): Map<string, MetricFamily> {
  const families = new Map<string, MetricFamily>();
  const helps = new Map<string, string>();
  let current: MetricFamily | undefined;
  text.split('\n').forEach((line, index) => {
    const where = `line ${index + 1} ${JSON.stringify(line.slice(0, 200))}`;
    if (line === '') return;
    const help = HELP.exec(line);
    if (help !== null) {
      helps.set(help[1]!, help[2]!);
      return;
    }
    const type = TYPE.exec(line);
    if (type !== null) {
      if (families.has(type[1]!)) throw new Error(`${where}: ${type[1]} is typed twice`);
      current = { name: type[1]!, help: helps.get(type[1]!) ?? '', type: type[2] as MetricFamily['type'], samples: [] };
      families.set(current.name, current);
      return;
    }
    const sample = SAMPLE.exec(line);
    if (sample === null) throw new Error(`${where}: neither HELP, TYPE nor a sample`);
    const family = current;
    if (family === undefined || !SUFFIXES[family.type].some((suffix) => `${family.name}${suffix}` === sample[1]))
      throw new Error(`${where}: a sample outside its family (${family?.name ?? 'none'})`);
    const labels: Record<string, string> = {};
    for (const [, key, value] of (sample[2] ?? '').matchAll(LABEL))
      labels[key!] = value!.replace(/\\n/g, '\n').replace(/\\"/g, '"').replace(/\\\\/g, '\\');
    family.samples.push({
      name: sample[1]!,
      labels,
      value: Number(sample[3]!.replace('+Inf', 'Infinity').replace('-Inf', '-Infinity')),
    });
  });
  return families;
}

/** The samples of `name` whose labels include `labels`. */
export function samplesOf(
  families: Map<string, MetricFamily>,
  family: string,
  name: string,
  labels: Readonly<Record<string, string>> = {},
): Sample[] {
  return (families.get(family)?.samples ?? []).filter(
    (s) => s.name === name && Object.entries(labels).every(([key, value]) => s.labels[key] === value),
  );
}
