import type { BarSeriesOption, FunnelSeriesOption, HeatmapSeriesOption } from 'echarts/charts';
import type {
  CalendarComponentOption,
  GridComponentOption,
  LegendComponentOption,
  TooltipComponentOption,
  VisualMapComponentOption,
} from 'echarts/components';
import type { ComposeOption } from 'echarts/core';
import { SERIES_COLOURS } from './palette';

export const STAGES = ['lead', 'discovery', 'solution', 'bid', 'negotiation', 'won'] as const;

export type FunnelOption = ComposeOption<FunnelSeriesOption | TooltipComponentOption>;

/** Opportunities entering each stage, in the stages' order (not sorted by size: a funnel may bulge). */
export function funnelOption(
  rows: readonly { stage: string; opportunities: number }[],
  stageName: (stage: string) => string,
): FunnelOption {
  const count = new Map(rows.map((r) => [r.stage, Number(r.opportunities)]));
  return {
    animation: false,
    tooltip: { trigger: 'item' },
    series: [
      {
        type: 'funnel',
        sort: 'none',
        left: '10%',
        width: '80%',
        minSize: '8%',
        label: { position: 'inside', formatter: '{b}: {c}', color: '#fff' },
        data: STAGES.map((stage, index) => ({
          name: stageName(stage),
          value: count.get(stage) ?? 0,
          itemStyle: { color: SERIES_COLOURS[index % SERIES_COLOURS.length] },
        })),
      },
    ],
  };
}

export type BarsOption = ComposeOption<
  BarSeriesOption | GridComponentOption | TooltipComponentOption | LegendComponentOption
>;

/** Closed opportunities: won, each loss reason, qualified out, as one bar each. */
export function outcomesOption(
  rows: readonly { outcome: string; reason: string; opportunities: number }[],
  label: (outcome: string, reason: string) => string,
): BarsOption {
  const bars = rows
    .filter((r) => Number(r.opportunities) > 0)
    .map((r) => ({ name: label(r.outcome, r.reason), value: Number(r.opportunities), outcome: r.outcome }));
  const colour = (outcome: string) => (outcome === 'won' ? '#2f9e44' : outcome === 'lost' ? '#d64545' : '#adb5bd');
  return {
    animation: false,
    grid: { left: 140, right: 32, top: 8, bottom: 24 },
    tooltip: { trigger: 'axis' },
    xAxis: { type: 'value', minInterval: 1 },
    yAxis: { type: 'category', inverse: true, data: bars.map((b) => b.name) },
    series: [
      {
        type: 'bar',
        barMaxWidth: 20,
        label: { show: true, position: 'right' },
        data: bars.map((b) => ({ value: b.value, itemStyle: { color: colour(b.outcome) } })),
      },
    ],
  };
}

/** Open product gaps per product line, stacked by severity. */
export function productGapsOption(
  rows: readonly { product_line: string; severity: string; gaps: number }[],
  severityName: (severity: string) => string,
): BarsOption {
  const lines = [...new Set(rows.map((r) => r.product_line))].sort();
  const severities = ['deal_breaker', 'major', 'minor'].filter((s) => rows.some((r) => r.severity === s));
  const colours: Record<string, string> = { deal_breaker: '#d64545', major: '#e8a33d', minor: '#74a9cf' };
  return {
    animation: false,
    grid: { left: 48, right: 16, top: 32, bottom: 24 },
    legend: { top: 0 },
    tooltip: { trigger: 'axis' },
    // Product lines are codes (erp, bi): shown as codes are, in capitals, in both languages.
    xAxis: { type: 'category', data: lines.map((line) => line.toUpperCase()) },
    yAxis: { type: 'value', minInterval: 1 },
    series: severities.map((severity) => ({
      type: 'bar' as const,
      name: severityName(severity),
      stack: 'gaps',
      barMaxWidth: 40,
      itemStyle: { color: colours[severity] ?? '#adb5bd' },
      data: lines.map((line) =>
        Number(rows.find((r) => r.product_line === line && r.severity === severity)?.gaps ?? 0),
      ),
    })),
  };
}

export type CalendarOption = ComposeOption<
  HeatmapSeriesOption | CalendarComponentOption | TooltipComponentOption | VisualMapComponentOption
>;

export interface CalendarDay {
  readonly day: string;
  readonly tenders: number;
  readonly tender_ids: readonly string[];
  readonly submitted: number;
}

/** Tender deadlines per day across the period's months; the tooltip names the tenders. */
export function bidCalendarOption(
  days: readonly CalendarDay[],
  range: [string, string],
  locale: string,
  tendersLabel: string,
): CalendarOption {
  const byDay = new Map(days.map((d) => [d.day, d]));
  const max = Math.max(1, ...days.map((d) => Number(d.tenders)));
  return {
    animation: false,
    tooltip: {
      formatter: (p) => {
        if (Array.isArray(p)) return '';
        const day = byDay.get(String((p.value as [string, number])[0]));
        return day === undefined ? '' : `${day.day}<br>${tendersLabel}: ${day.tenders}<br>${day.tender_ids.join(', ')}`;
      },
    },
    visualMap: { show: false, min: 0, max, inRange: { color: ['#e3f0fb', '#2680c2'] } },
    calendar: {
      range,
      cellSize: ['auto', 18],
      left: 40,
      right: 16,
      top: 24,
      dayLabel: { nameMap: locale === 'zh-CN' ? 'ZH' : 'EN', firstDay: 1, fontSize: 10 },
      monthLabel: { nameMap: locale === 'zh-CN' ? 'ZH' : 'EN' },
      yearLabel: { show: false },
    },
    series: [{ type: 'heatmap', coordinateSystem: 'calendar', data: days.map((d) => [d.day, Number(d.tenders)]) }],
  };
}
