/**
 * A chart of a query's result, as the workbench's link carries it (`chart=bar~x~y1,y2~series`):
 * the kind, the column on the x axis, the columns plotted and, optionally, the column whose values
 * split the rows into series. Pure, so the link and the option are unit-tested in Node.
 */
import type { EChartsOption } from 'echarts';
export const CHART_KINDS = ['bar', 'line', 'pie', 'scatter'] as const;
export type ChartKind = (typeof CHART_KINDS)[number];

export interface ChartSpec {
  readonly kind: ChartKind;
  readonly x: string;
  readonly y: readonly string[];
  /** A column whose distinct values become one series each (only with a single y). */
  readonly series: string | null;
}

/** `~` and `,` cannot be in a column name the spec accepts: they are the link's separators. */
const SEPARATORS = /[~,]/;

export function encodeChart(spec: ChartSpec): string {
  return [spec.kind, spec.x, spec.y.join(','), spec.series ?? ''].join('~');
}

/** The spec of a link, or null when the link's text is not one (hand-edited, truncated). */
export function decodeChart(text: string | null | undefined): ChartSpec | null {
  if (typeof text !== 'string') return null;
  const [kind, x, y, series, ...rest] = text.split('~');
  if (
    rest.length > 0 ||
    !(CHART_KINDS as readonly string[]).includes(kind ?? '') ||
    x === undefined ||
    x === '' ||
    y === undefined ||
    y === ''
  )
    return null;
  return { kind: kind as ChartKind, x, y: y.split(','), series: series === undefined || series === '' ? null : series };
}

/** Whether a spec can be drawn from these columns: every column it names is in the result. */
export function chartFits(spec: ChartSpec, columns: readonly string[]): boolean {
  const names = [spec.x, ...spec.y, ...(spec.series === null ? [] : [spec.series])];
  return names.every((name) => columns.includes(name) && !SEPARATORS.test(name));
}

/** A first chart for a result: the first non-numeric column across, the first numeric one up. */
export function defaultChart(columns: readonly { name: string; type: string }[]): ChartSpec | null {
  const numeric = columns.filter((column) => isNumericType(column.type));
  const label = columns.find((column) => !isNumericType(column.type)) ?? columns[0];
  const value = numeric.find((column) => column.name !== label?.name);
  if (label === undefined || value === undefined) return null;
  return { kind: 'bar', x: label.name, y: [value.name], series: null };
}

export function isNumericType(type: string): boolean {
  return /^(Nullable\()?(U?Int\d+|Float\d+|Decimal)/.test(type);
}

/**
 * Rows drawn at most: a chart a thousand pixels wide shows no more, and each point is an SVG
 * element; 5,000 bars took 0.7 s of the page's main thread to draw (decision 0044).
 */
export const MAX_CHART_POINTS = 1000;
/**
 * Above this many rows the chart appears without its entry animation: animating a thousand SVG
 * bars is a further few hundred milliseconds of the page's main thread (decision 0044).
 */
export const ANIMATED_CHART_POINTS = 200;

/** The ECharts option of a spec over the result's rows (the first MAX_CHART_POINTS). */
export function chartOption(spec: ChartSpec, rows: readonly Record<string, unknown>[]): EChartsOption {
  const drawn = rows.slice(0, MAX_CHART_POINTS);
  const number = (value: unknown) => (value === null || value === undefined || value === '' ? null : Number(value));
  const label = (value: unknown) =>
    value === null || value === undefined ? '' : typeof value === 'object' ? JSON.stringify(value) : String(value);
  const animation = drawn.length <= ANIMATED_CHART_POINTS;
  const tooltip = { trigger: spec.kind === 'pie' || spec.kind === 'scatter' ? ('item' as const) : ('axis' as const) };
  if (spec.kind === 'pie') {
    const y = spec.y[0]!;
    return {
      animation,
      tooltip,
      legend: { type: 'scroll', bottom: 0 },
      series: [
        {
          type: 'pie',
          radius: '60%',
          data: drawn.map((row) => ({ name: label(row[spec.x]), value: number(row[y]) ?? '-' })),
        },
      ],
    };
  }
  if (spec.kind === 'scatter') {
    return {
      animation,
      tooltip,
      legend: { type: 'scroll', top: 0 },
      grid: { left: 56, right: 16, top: 40, bottom: 48 },
      xAxis: { type: 'value', scale: true },
      yAxis: { type: 'value', scale: true },
      series: spec.y.map((y) => ({
        name: y,
        type: 'scatter',
        data: drawn.map((row) => [number(row[spec.x]), number(row[y])]),
      })),
    };
  }
  // With a series column, one line or bar group per distinct value, over the distinct x values;
  // without, one per y column, a point per row in the result's order.
  const categories =
    spec.series === null
      ? drawn.map((row) => label(row[spec.x]))
      : [...new Set(drawn.map((row) => label(row[spec.x])))];
  const series =
    spec.series === null
      ? spec.y.map((y) => ({ name: y, type: spec.kind, data: drawn.map((row) => number(row[y])) }))
      : splitSeries(drawn, spec, categories, label, number);
  return {
    animation,
    tooltip,
    legend: { type: 'scroll', top: 0 },
    grid: { left: 56, right: 16, top: 40, bottom: 48 },
    xAxis: { type: 'category', data: categories, axisLabel: { hideOverlap: true } },
    yAxis: { type: 'value' },
    series,
  };
}

function splitSeries(
  rows: readonly Record<string, unknown>[],
  spec: ChartSpec,
  categories: readonly string[],
  label: (value: unknown) => string,
  number: (value: unknown) => number | null,
): object[] {
  const column = spec.series!;
  const y = spec.y[0]!;
  const cells = new Map<string, Map<string, number | null>>();
  for (const row of rows) {
    const name = label(row[column]);
    if (!cells.has(name)) cells.set(name, new Map());
    cells.get(name)!.set(label(row[spec.x]), number(row[y]));
  }
  return [...cells].map(([name, values]) => ({
    name,
    type: spec.kind,
    data: categories.map((category) => values.get(category) ?? null),
  }));
}
