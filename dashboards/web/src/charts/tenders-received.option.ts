import type { TendersReceivedResponse } from '@presales/contracts';
import type { ComposeOption } from 'echarts/core';
import type { BarSeriesOption } from 'echarts/charts';
import type { DatasetComponentOption, GridComponentOption, TooltipComponentOption } from 'echarts/components';

export type TendersReceivedOption = ComposeOption<BarSeriesOption | DatasetComponentOption | GridComponentOption | TooltipComponentOption>;

/** Pure option builder: rows in, option out (dataset + encode), testable without a browser. */
export function tendersReceivedOption(points: TendersReceivedResponse['points']): TendersReceivedOption {
  return {
    // No animation: the chart is a report, and a bar must show its height the moment data arrives.
    animation: false,
    dataset: { dimensions: ['period', 'tenders'], source: points.map((p) => ({ period: p.period, tenders: p.tenders })) },
    grid: { left: 40, right: 16, top: 24, bottom: 32 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'category' },
    yAxis: { type: 'value', minInterval: 1 },
    series: [{ type: 'bar', name: 'Tenders received', barMaxWidth: 48, encode: { x: 'period', y: 'tenders' }, label: { show: true, position: 'top' }, itemStyle: { color: '#2680c2' } }],
  };
}
