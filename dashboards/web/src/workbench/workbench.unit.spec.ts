import { describe, expect, it } from 'vitest';
import {
  ANIMATED_CHART_POINTS,
  chartFits,
  chartOption,
  decodeChart,
  defaultChart,
  encodeChart,
  MAX_CHART_POINTS,
} from './chart-spec';
import { cellText, sortedIndexes } from './result-order';

describe('the chart link', () => {
  it('round-trips a spec and refuses text that is not one', () => {
    const spec = { kind: 'line', x: 'month', y: ['hours', 'planned'], series: null } as const;
    expect(encodeChart(spec)).toBe('line~month~hours,planned~');
    expect(decodeChart(encodeChart(spec))).toEqual(spec);
    expect(decodeChart('bar~kind~n~region')).toEqual({ kind: 'bar', x: 'kind', y: ['n'], series: 'region' });
    for (const bad of [null, '', 'donut~a~b~', 'bar~~b~', 'bar~a~~', 'bar~a~b~c~d'])
      expect(decodeChart(bad), String(bad)).toBeNull();
  });

  it('fits a result only when it names its columns', () => {
    expect(chartFits({ kind: 'bar', x: 'kind', y: ['n'], series: null }, ['kind', 'n'])).toBe(true);
    expect(chartFits({ kind: 'bar', x: 'kind', y: ['n'], series: 'region' }, ['kind', 'n'])).toBe(false);
  });

  it('starts from a label column across and a number up', () => {
    expect(
      defaultChart([
        { name: 'kind', type: 'String' },
        { name: 'n', type: 'UInt64' },
      ]),
    ).toEqual({ kind: 'bar', x: 'kind', y: ['n'], series: null });
    expect(defaultChart([{ name: 'kind', type: 'String' }])).toBeNull();
  });
});

describe('the chart option', () => {
  const rows = [
    { month: '2026-01', region: 'East', n: 3 },
    { month: '2026-01', region: 'West', n: '1.5' },
    { month: '2026-02', region: 'East', n: 4 },
  ];

  it('draws a point per row for each y column', () => {
    const option = chartOption({ kind: 'bar', x: 'month', y: ['n'], series: null }, rows) as {
      xAxis: { data: string[] };
      series: { data: unknown[] }[];
    };
    expect(option.xAxis.data).toEqual(['2026-01', '2026-01', '2026-02']);
    expect(option.series).toEqual([{ name: 'n', type: 'bar', data: [3, 1.5, 4] }]);
  });

  it('splits the rows into a series per value of the series column, gaps as null', () => {
    const option = chartOption({ kind: 'line', x: 'month', y: ['n'], series: 'region' }, rows) as {
      xAxis: { data: string[] };
      series: unknown[];
    };
    expect(option.xAxis.data).toEqual(['2026-01', '2026-02']);
    expect(option.series).toEqual([
      { name: 'East', type: 'line', data: [3, 4] },
      { name: 'West', type: 'line', data: [1.5, null] },
    ]);
  });

  it('draws a pie of one column by label', () => {
    const option = chartOption({ kind: 'pie', x: 'region', y: ['n'], series: null }, rows) as {
      series: { data: unknown[] }[];
    };
    expect(option.series[0]!.data).toEqual([
      { name: 'East', value: 3 },
      { name: 'West', value: 1.5 },
      { name: 'East', value: 4 },
    ]);
  });
});

describe('a chart of a large result', () => {
  const rows = (n: number) => Array.from({ length: n }, (_v, i) => ({ label: `row-${i}`, n: i }));
  const spec = { kind: 'bar', x: 'label', y: ['n'], series: null } as const;

  it('draws the first rows only, and animates only a small one', () => {
    const large = chartOption(spec, rows(100_000)) as { animation: boolean; series: { data: unknown[] }[] };
    expect(large.series[0]!.data).toHaveLength(MAX_CHART_POINTS);
    expect(large.animation).toBe(false);
    const small = chartOption(spec, rows(ANIMATED_CHART_POINTS)) as { animation: boolean };
    expect(small.animation).toBe(true);
  });
});

describe('the result order', () => {
  // Rows as the compact answer sends them: arrays, the sorted column second.
  const rows = ['10', 9, null, 'b', 'a', '-1.5'].map((v, i) => [i, v]);

  it('sorts numbers as numbers, also as text, then text, NULL last either way, stable', () => {
    expect(sortedIndexes(rows, { column: 1, direction: 'asc' }).map((i) => rows[i]![1])).toEqual([
      '-1.5',
      9,
      '10',
      'a',
      'b',
      null,
    ]);
    expect(sortedIndexes(rows, { column: 1, direction: 'desc' }).map((i) => rows[i]![1])).toEqual([
      'b',
      'a',
      '10',
      9,
      '-1.5',
      null,
    ]);
    expect(sortedIndexes(rows, null)).toEqual([0, 1, 2, 3, 4, 5]);
  });

  it('sorts 100,000 rows in well under a second', () => {
    const many = Array.from({ length: 100_000 }, (_v, i) => [(i * 7919) % 100_003, `name-${i % 977}`]);
    const started = performance.now();
    sortedIndexes(many, { column: 1, direction: 'desc' });
    expect(performance.now() - started).toBeLessThan(1000);
  });

  it('shows NULL and nested values readably', () => {
    expect([cellText(null), cellText(['a', 1]), cellText(3)]).toEqual(['NULL', '["a",1]', '3']);
  });
});
