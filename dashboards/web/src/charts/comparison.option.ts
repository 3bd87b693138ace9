import type { BarSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { RAG_COLOURS, type RagKey } from './palette';

export type ComparisonOption = ComposeOption<BarSeriesOption | GridComponentOption | TooltipComponentOption>;

export interface ComparisonRow {
  readonly name: string;
  readonly actual: number | null;
  readonly status: RagKey;
}

/** One bar per team, coloured by its status, with the target as a line across them. */
export function comparisonOption(
  rows: readonly ComparisonRow[],
  target: number | null,
  format: (value: number) => string,
  targetLabel: string,
): ComparisonOption {
  return {
    animation: false,
    grid: { left: 150, right: 48, top: 16, bottom: 24 },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? format(value) : '—') },
    xAxis: { type: 'value', axisLabel: { formatter: (value: number) => format(value) } },
    yAxis: {
      type: 'category',
      inverse: true,
      data: rows.map((r) => r.name),
      axisLabel: { width: 140, overflow: 'truncate' },
    },
    series: [
      {
        type: 'bar',
        barMaxWidth: 22,
        data: rows.map((r) => ({ value: r.actual, itemStyle: { color: RAG_COLOURS[r.status] } })),
        label: {
          show: true,
          position: 'right',
          formatter: (p) => (typeof p.value === 'number' ? format(p.value) : ''),
        },
        markLine:
          target === null
            ? undefined
            : {
                symbol: 'none',
                silent: true,
                label: { formatter: targetLabel },
                lineStyle: { type: 'dashed', color: '#495057' },
                data: [{ xAxis: target }],
              },
      },
    ],
  };
}
