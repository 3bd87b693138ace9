import type { MaturityAreaResult, TrendPoint } from '@presales/contracts';
import { describe, expect, it } from 'vitest';
import { capacityOption, overloadedWeeks, type CapacityRow } from './capacity.option';
import { comparisonOption } from './comparison.option';
import { maturityRadarOption } from './maturity-radar.option';
import { RAG_COLOURS } from './palette';
import { bidCalendarOption, funnelOption, outcomesOption, productGapsOption } from './pipeline.option';
import { sparklinePath } from './sparkline-path';
import { ragZones, trendOption } from './trend.option';

const point = (
  period: string,
  actual: number | null,
  target: number | null,
  status: TrendPoint['status'],
): TrendPoint => ({ period, actual, target, status, units: 1, sql: 'SELECT 1', unitsHref: '/x', error: null });
const labels = { actual: 'Actual', target: 'Target', green: 'g', amber: 'a', red: 'r', format: (v: number) => `${v}` };

describe('trend chart', () => {
  it('shades the zones where ragStatus says green, amber and red, by direction', () => {
    const tolerance = { green: 0.05, amber: 0.15 };
    expect(ragZones(100, { direction: 'up', tolerance })).toMatchObject({
      green: [95, Number.MAX_SAFE_INTEGER],
      amber: [[85, 95]],
    });
    expect(ragZones(100, { direction: 'down', tolerance })).toMatchObject({
      green: [-Number.MAX_SAFE_INTEGER, 105],
      amber: [[105, 115]],
      red: [[115, Number.MAX_SAFE_INTEGER]],
    });
    expect(ragZones(100, { direction: 'target', tolerance })?.amber).toEqual([
      [85, 95],
      [105, 115],
    ]);
    expect(ragZones(null, { direction: 'up', tolerance })).toBeNull();
    expect(ragZones(100, { direction: 'context', tolerance })).toBeNull();
  });

  it('plots actuals coloured by status, the target dashed, and zones from the latest target', () => {
    const option = trendOption(
      [point('2026-01', 0.3, 0.35, 'amber'), point('2026-02', null, 0.4, 'no_data')],
      { direction: 'up', tolerance: { green: 0.05, amber: 0.15 } },
      labels,
    );
    const [actual, target] = option.series as { data: unknown[]; markArea?: { data: { yAxis: number }[][] } }[];
    expect(actual!.data).toEqual([
      { value: 0.3, itemStyle: { color: RAG_COLOURS.amber } },
      { value: null, itemStyle: { color: RAG_COLOURS.no_data } },
    ]);
    expect(target!.data).toEqual([0.35, 0.4]);
    expect(actual!.markArea!.data[0]![0]!.yAxis).toBeCloseTo(0.38);
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-01', '2026-02']);
  });
});

describe('comparison, radar', () => {
  it('draws one bar per team in its status colour, with the target line', () => {
    const option = comparisonOption(
      [
        { name: 'East', actual: 0.5, status: 'green' },
        { name: 'North', actual: null, status: 'no_data' },
      ],
      0.35,
      String,
      'Target',
    );
    const series = (
      option.series as {
        data: { value: number | null; itemStyle: { color: string } }[];
        markLine: { data: { xAxis: number }[] };
      }[]
    )[0]!;
    expect((option.yAxis as { data: string[] }).data).toEqual(['East', 'North']);
    expect(series.data.map((d) => d.itemStyle.color)).toEqual([RAG_COLOURS.green, RAG_COLOURS.no_data]);
    expect(series.markLine.data[0]!.xAxis).toBe(0.35);
  });

  it('gives the radar one axis per area, named in the reader’s language, and the levels as values', () => {
    const areas = [
      { area: 'bid', level: 2 },
      { area: 'people', level: 4 },
    ] as unknown as MaturityAreaResult[];
    const option = maturityRadarOption(areas, (a) => (a.area === 'bid' ? '投标管理' : '人员发展'), 'Level');
    expect((option.radar as { indicator: { name: string; max: number }[] }).indicator).toEqual([
      { name: '投标管理', min: 0, max: 5 },
      { name: '人员发展', min: 0, max: 5 },
    ]);
    expect((option.series as { data: { value: number[] }[] }[])[0]!.data[0]!.value).toEqual([2, 4]);
  });
});

describe('capacity heatmap', () => {
  const rows: CapacityRow[] = [
    { consultant: 'c2', name: 'Zhou', week: '2026-07-06', hours: 50, capacity: 40, war_room: 1 },
    { consultant: 'c1', name: 'Chen', week: '2026-07-13', hours: 20, capacity: 40, war_room: 0 },
    { consultant: 'c1', name: 'Chen', week: '2026-07-06', hours: 30, capacity: 40, war_room: 0 },
  ];
  it('places utilisation by week and consultant, and marks war-room weeks', () => {
    const option = capacityOption(rows, { utilisation: 'U', warRoom: 'W', overload: 'O', percent: String });
    expect((option.xAxis as { data: string[] }).data).toEqual(['2026-07-06', '2026-07-13']);
    expect((option.yAxis as { data: string[] }).data).toEqual(['Chen', 'Zhou']);
    const [heat, marks] = option.series as { data: number[][] }[];
    expect(heat!.data).toContainEqual([0, 1, 1.25]);
    expect(heat!.data).toContainEqual([1, 0, 0.5]);
    expect(marks!.data).toEqual([[0, 1]]);
  });
  it('lists overloaded weeks, the most loaded first', () => {
    expect(overloadedWeeks(rows).map((r) => r.name)).toEqual(['Zhou']);
  });
});

describe('pipeline charts', () => {
  it('keeps the funnel in stage order with zero for a stage nobody entered', () => {
    const option = funnelOption(
      [
        { stage: 'won', opportunities: 3 },
        { stage: 'lead', opportunities: 9 },
      ],
      (s) => s.toUpperCase(),
    );
    const data = (option.series as { data: { name: string; value: number }[] }[])[0]!.data;
    expect(data.map((d) => [d.name, d.value])).toEqual([
      ['LEAD', 9],
      ['DISCOVERY', 0],
      ['SOLUTION', 0],
      ['BID', 0],
      ['NEGOTIATION', 0],
      ['WON', 3],
    ]);
  });
  it('shows wins and each loss reason, leaving out empty outcomes', () => {
    const option = outcomesOption(
      [
        { outcome: 'won', reason: '', opportunities: 4 },
        { outcome: 'lost', reason: 'price', opportunities: 2 },
        { outcome: 'qualified_out', reason: '', opportunities: 0 },
      ],
      (o, r) => `${o}${r ? `:${r}` : ''}`,
    );
    expect((option.yAxis as { data: string[] }).data).toEqual(['won', 'lost:price']);
  });
  it('stacks open gaps per product line by severity', () => {
    const option = productGapsOption(
      [
        { product_line: 'erp', severity: 'major', gaps: 2 },
        { product_line: 'bi', severity: 'minor', gaps: 1 },
      ],
      (s) => s,
    );
    expect((option.xAxis as { data: string[] }).data).toEqual(['BI', 'ERP']);
    expect((option.series as { name: string; data: number[] }[]).map((s) => [s.name, s.data])).toEqual([
      ['major', [0, 2]],
      ['minor', [1, 0]],
    ]);
  });
  it('puts deadlines on the period’s calendar', () => {
    const option = bidCalendarOption(
      [{ day: '2026-07-14', tenders: 2, tender_ids: ['t1', 't2'], submitted: 1 }],
      ['2026-07-01', '2026-09-30'],
      'zh-CN',
      'Tenders',
    );
    expect((option.calendar as { range: string[] }).range).toEqual(['2026-07-01', '2026-09-30']);
    expect((option.series as { data: unknown[] }[])[0]!.data).toEqual([['2026-07-14', 2]]);
  });
});

describe('sparkline path', () => {
  it('scales the values into the box and breaks the line at a period with no data', () => {
    expect(sparklinePath([0, 10, null, 5], 100, 20, 0)).toEqual({
      d: 'M0 20 L33.3 0 M100 10',
      last: { x: 100, y: 10 },
    });
  });
  it('draws nothing without data and a flat series in the middle', () => {
    expect(sparklinePath([null, null], 100, 20)).toEqual({ d: '', last: null });
    expect(sparklinePath([3, 3], 100, 20, 0).d).toBe('M0 10 L100 10');
  });
});
