import type { MaturityResponse } from '@presales/contracts';
import type { BarSeriesOption } from 'echarts/charts';
import type { DatasetComponentOption, GridComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type MaturityOption = ComposeOption<BarSeriesOption | DatasetComponentOption | GridComponentOption | TooltipComponentOption>;

/** One bar per process area, its length the maturity level 1-5 (dataset + encode). */
export function maturityOption(result: MaturityResponse): MaturityOption {
  return {
    animation: false,
    dataset: { dimensions: ['area', 'level', 'name'], source: result.areas.map((a) => ({ area: a.area, level: a.level, name: `${a.name} ${a.zh}` })) },
    grid: { left: 110, right: 24, top: 16, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', min: 0, max: 5, interval: 1 },
    yAxis: { type: 'category', inverse: true },
    series: [{ type: 'bar', encode: { y: 'area', x: 'level' }, label: { show: true, position: 'right', formatter: '{@name}' }, itemStyle: { color: '#3ebd93' }, barMaxWidth: 22 }],
  };
}
