import type { MaturityAreaResult } from '@presales/contracts';
import type { RadarSeriesOption } from 'echarts/charts';
import type { RadarComponentOption, TooltipComponentOption } from 'echarts/components';
import type { ComposeOption } from 'echarts/core';

export type MaturityRadarOption = ComposeOption<RadarSeriesOption | RadarComponentOption | TooltipComponentOption>;

/** One axis per process area, 1-5; `areaName` gives each area's name in the reader's language. */
export function maturityRadarOption(
  areas: readonly MaturityAreaResult[],
  areaName: (area: MaturityAreaResult) => string,
  seriesName: string,
): MaturityRadarOption {
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    radar: {
      radius: '68%',
      center: ['50%', '54%'],
      splitNumber: 5,
      indicator: areas.map((a) => ({ name: areaName(a), min: 0, max: 5 })),
      axisName: { color: '#343a40', fontSize: 12 },
    },
    series: [
      {
        type: 'radar',
        name: seriesName,
        data: [
          {
            value: areas.map((a) => a.level),
            name: seriesName,
            areaStyle: { color: '#3ebd93', opacity: 0.25 },
            lineStyle: { color: '#2f9e44' },
            label: { show: true },
          },
        ],
      },
    ],
  };
}
