import type { TrendPoint } from '@presales/contracts';
import type { LineSeriesOption } from 'echarts/charts';
import type {
  GridComponentOption,
  LegendComponentOption,
  MarkAreaComponentOption,
  TooltipComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { RAG_COLOURS } from './palette';

export type TrendOption = ComposeOption<
  LineSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption | MarkAreaComponentOption
>;

export interface TrendLabels {
  readonly actual: string;
  readonly target: string;
  readonly green: string;
  readonly amber: string;
  readonly red: string;
  /** A value as its unit reads, for the axis and the tooltip. */
  readonly format: (value: number) => string;
}

export interface Judgement {
  readonly direction: string;
  readonly tolerance: { readonly green: number; readonly amber: number };
}

/**
 * The value bounds of the RAG zones around a target, as ragStatus judges them: for a KPI where
 * up is better, green from target·(1−g) up, amber down to target·(1−a), red below; mirrored when
 * down is better; for a `target` KPI green and amber are symmetric bands. null: no zones.
 */
export function ragZones(
  target: number | null,
  judgement: Judgement,
): { green: [number, number]; amber: [number, number][]; red: [number, number][] } | null {
  if (target === null || judgement.direction === 'context') return null;
  const t = Math.abs(target);
  const g = judgement.tolerance.green * t;
  const a = judgement.tolerance.amber * t;
  const far = Number.MAX_SAFE_INTEGER;
  if (judgement.direction === 'up')
    return { green: [target - g, far], amber: [[target - a, target - g]], red: [[-far, target - a]] };
  if (judgement.direction === 'down')
    return { green: [-far, target + g], amber: [[target + g, target + a]], red: [[target + a, far]] };
  return {
    green: [target - g, target + g],
    amber: [
      [target - a, target - g],
      [target + g, target + a],
    ],
    red: [
      [-far, target - a],
      [target + a, far],
    ],
  };
}

/** 24 months of a KPI: its actual, its target as a dashed line, the RAG zones of the latest target shaded. */
export function trendOption(points: readonly TrendPoint[], judgement: Judgement, labels: TrendLabels): TrendOption {
  const latestTarget = [...points].reverse().find((p) => p.target !== null)?.target ?? null;
  const zones = ragZones(latestTarget, judgement);
  const zone = (range: [number, number], colour: string, name: string) => [
    { yAxis: range[0], itemStyle: { color: colour, opacity: 0.08 }, name },
    { yAxis: range[1] },
  ];
  const markData =
    zones === null
      ? []
      : [
          zone(zones.green, RAG_COLOURS.green, labels.green),
          ...zones.amber.map((r) => zone(r, RAG_COLOURS.amber, labels.amber)),
          ...zones.red.map((r) => zone(r, RAG_COLOURS.red, labels.red)),
        ];
  const values = points.flatMap((p) => [p.actual, p.target]).filter((v): v is number => v !== null);
  const max = values.length === 0 ? 1 : Math.max(...values);
  const min = values.length === 0 ? 0 : Math.min(0, ...values);
  return {
    animation: false,
    grid: { left: 64, right: 16, top: 32, bottom: 32 },
    legend: { top: 0, data: [labels.actual, labels.target] },
    tooltip: { trigger: 'axis', valueFormatter: (value) => (typeof value === 'number' ? labels.format(value) : '—') },
    xAxis: { type: 'category', data: points.map((p) => p.period) },
    yAxis: {
      type: 'value',
      min,
      max: max === 0 ? 1 : max * 1.15,
      axisLabel: { formatter: (value: number) => labels.format(value) },
    },
    series: [
      {
        type: 'line',
        name: labels.actual,
        data: points.map((p) => ({ value: p.actual, itemStyle: { color: RAG_COLOURS[p.status] } })),
        symbolSize: 7,
        lineStyle: { color: '#2680c2', width: 2 },
        markArea: { silent: true, label: { show: false }, data: markData as never },
      },
      {
        type: 'line',
        name: labels.target,
        data: points.map((p) => p.target),
        symbol: 'none',
        lineStyle: { type: 'dashed', color: '#495057' },
        itemStyle: { color: '#495057' },
      },
    ],
  };
}
