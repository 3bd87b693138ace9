import type { HeatmapSeriesOption, ScatterSeriesOption } from 'echarts/charts';
import type { GridComponentOption, TooltipComponentOption, VisualMapComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type CapacityOption = ComposeOption<
  HeatmapSeriesOption | ScatterSeriesOption | GridComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export interface CapacityRow {
  readonly consultant: string;
  readonly name: string;
  readonly week: string;
  readonly hours: number;
  readonly capacity: number;
  readonly war_room: number;
}

export interface CapacityLabels {
  readonly utilisation: string;
  readonly warRoom: string;
  readonly overload: string;
  readonly percent: (share: number) => string;
}

/** Above this share of weekly capacity a consultant-week counts as overloaded (overload_share's threshold). */
export const OVERLOAD = 1.1;

/** Utilisation (hours ÷ weekly capacity) per consultant × week; a war-room week carries a marker. */
export function capacityOption(rows: readonly CapacityRow[], labels: CapacityLabels): CapacityOption {
  const weeks = [...new Set(rows.map((r) => r.week))].sort();
  const people = [...new Map(rows.map((r) => [r.consultant, r.name])).entries()].sort((a, b) =>
    a[1].localeCompare(b[1]),
  );
  const row = new Map(people.map(([id], index) => [id, index]));
  const column = new Map(weeks.map((w, index) => [w, index]));
  const share = (r: CapacityRow) => (r.capacity > 0 ? r.hours / r.capacity : 0);
  return {
    animation: false,
    grid: { left: 120, right: 16, top: 8, bottom: 72 },
    tooltip: {
      formatter: (p) =>
        Array.isArray(p)
          ? ''
          : `${people[(p.value as number[])[1]!]?.[1] ?? ''} · ${weeks[(p.value as number[])[0]!] ?? ''}<br>${labels.utilisation} ${labels.percent((p.value as number[])[2]!)}`,
    },
    xAxis: { type: 'category', data: weeks, axisLabel: { rotate: 45, fontSize: 10 } },
    yAxis: {
      type: 'category',
      data: people.map(([, name]) => name),
      inverse: true,
      axisLabel: { fontSize: 11, width: 110, overflow: 'truncate' },
    },
    visualMap: {
      type: 'piecewise',
      seriesIndex: 0,
      orient: 'horizontal',
      left: 'center',
      bottom: 0,
      pieces: [
        { lt: 0.5, color: '#d0e8f7', label: '< 50 %' },
        { gte: 0.5, lt: 0.85, color: '#74a9cf', label: '50–85 %' },
        { gte: 0.85, lt: OVERLOAD, color: '#2680c2', label: `85–${OVERLOAD * 100} %` },
        { gte: OVERLOAD, color: '#d64545', label: `${labels.overload} > ${OVERLOAD * 100} %` },
      ],
    },
    series: [
      {
        type: 'heatmap',
        name: labels.utilisation,
        data: rows.map((r) => [column.get(r.week)!, row.get(r.consultant)!, Number(share(r).toFixed(3))]),
        itemStyle: { borderColor: '#fff', borderWidth: 1 },
      },
      {
        type: 'scatter',
        name: labels.warRoom,
        symbol: 'diamond',
        symbolSize: 7,
        itemStyle: { color: '#f0b429', borderColor: '#343a40', borderWidth: 0.5 },
        tooltip: { show: false },
        data: rows.filter((r) => r.war_room === 1).map((r) => [column.get(r.week)!, row.get(r.consultant)!]),
      },
    ],
  };
}

/** The consultant-weeks above OVERLOAD, the most loaded first: the list beside the heatmap. */
export function overloadedWeeks(rows: readonly CapacityRow[]): CapacityRow[] {
  return rows
    .filter((r) => r.capacity > 0 && r.hours / r.capacity > OVERLOAD)
    .sort((a, b) => b.hours / b.capacity - a.hours / a.capacity);
}
