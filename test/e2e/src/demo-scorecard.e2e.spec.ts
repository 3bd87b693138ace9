import type {
  KpiCatalogEntry,
  KpiUnitsResponse,
  MaturityResponse,
  ScorecardResponse,
  TrendResponse,
} from '@presales/contracts';
import { defaultTargetOf, formatPeriod, KPI_CATALOG, periodContaining, previousPeriod } from '@presales/kpi';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiFetch, json, startPlatform, tempDataDir, untilCaughtUp, type PlatformProcess } from './platform-process.js';

describe('a first start with the demo history: what a manager sees', () => {
  const data = tempDataDir();
  let platform: PlatformProcess;
  beforeAll(async () => {
    platform = await startPlatform(data.dir, { DEMO_DATA: 'on' });
    await untilCaughtUp(platform.url, 60_000);
  }, 180_000);
  afterAll(async () => {
    await platform?.stop();
    data.remove();
  });

  it('computes with the definitions on the record, which are the catalog’s', async () => {
    const catalog = await json<KpiCatalogEntry[]>(await apiFetch(`${platform.url}api/kpis`));
    expect(catalog.map((k) => [k.id, k.version, k.aggregate, k.defaultTarget])).toEqual(
      KPI_CATALOG.map((k) => [k.id, 1, k.aggregate, defaultTargetOf(k)]),
    );
  });

  it('fills most of the scorecard with data, targets and statuses', async () => {
    // The demo spans the 24 months before this one: the previous quarter is in it, whatever today is.
    const previousQuarter = formatPeriod(previousPeriod(periodContaining(new Date(), 'quarter')));
    const card = await json<ScorecardResponse>(
      await apiFetch(`${platform.url}api/kpis/scorecard?period=${previousQuarter}`),
    );
    const withData = card.lines.filter((l) => l.do.actual !== null);
    expect(withData.length).toBeGreaterThanOrEqual(24);
    expect(card.lines.filter((l) => l.plan.source === 'target_set').length).toBeGreaterThan(10);
    expect(card.lines.some((l) => l.check.status === 'green') && card.lines.some((l) => l.check.status === 'red')).toBe(
      true,
    );
    expect(card.composite.score).not.toBeNull();
    // A context KPI is never judged: left out of the composite, and listed as such.
    expect(card.lines.find((l) => l.kpiId === 'bid_rate')!.do.actual).not.toBeNull();
    expect(card.composite.excluded).toContain('bid_rate');
    for (const line of card.lines.filter((l) => l.unit === 'ratio' && l.plan.target !== null))
      expect(line.plan.target!).toBeLessThanOrEqual(1);

    // A project type's scorecard counts fewer units, and each value's drill-down lists exactly those.
    const strategic = await json<ScorecardResponse>(
      await apiFetch(`${platform.url}api/kpis/scorecard?period=${previousQuarter}&projectType=strategic`),
    );
    const orgUnits = new Map(card.lines.map((line) => [line.kpiId, line.do.units]));
    const traced = strategic.lines.filter(
      (line) => line.do.units > 0 && line.do.units < orgUnits.get(line.kpiId)! && line.do.units <= 1000,
    );
    expect(traced.length).toBeGreaterThanOrEqual(5);
    for (const line of traced) {
      const drill = await json<KpiUnitsResponse>(await apiFetch(`${platform.url}${line.do.unitsHref.slice(1)}`));
      expect([drill.units.length, drill.truncated, drill.projectType], line.kpiId).toEqual([
        line.do.units,
        false,
        'strategic',
      ]);
      // Each unit is named alone: a tender's sections are tender/section, not sec-1 of every tender.
      expect(new Set(drill.units.map((unit) => unit.unitId)).size, line.kpiId).toBe(drill.units.length);
    }
    expect(traced.map((line) => line.kpiId)).toContain('knowledge_reuse_rate');
  });

  it('answers a live scorecard and trend, asked with no asOf, as of the moment they were complete', async () => {
    const period = formatPeriod(previousPeriod(periodContaining(new Date(), 'month')));
    const askedAt = Date.now();
    const live = await json<ScorecardResponse>(await apiFetch(`${platform.url}api/kpis/scorecard?period=${period}`));
    const trend = await json<TrendResponse>(await apiFetch(`${platform.url}api/kpis/win_rate/trend`));
    const answeredAt = Date.parse(live.asOf);
    expect(answeredAt).toBeGreaterThanOrEqual(askedAt);
    expect(Date.parse(trend.asOf)).toBeGreaterThanOrEqual(answeredAt);
    expect(Date.parse(trend.asOf)).toBeLessThanOrEqual(Date.now());
    expect(live.lines.every((line) => line.do.unitsHref.endsWith(`&asOf=${live.asOf}`))).toBe(true);
    // Asked again for that moment, with the asOf filter on every table: the same figures (to 12
    // significant digits: ClickHouse adds floating-point values in the order it reads them).
    const settled = await json<ScorecardResponse>(
      await apiFetch(`${platform.url}api/kpis/scorecard?period=${period}&asOf=${live.asOf}`),
    );
    const figure = (value: number | null) => (value === null ? null : Number(value.toPrecision(12)));
    const figures = (card: ScorecardResponse) =>
      card.lines.map((line) => [line.kpiId, figure(line.do.actual), line.do.units, figure(line.check.previousActual)]);
    expect(figures(live)).toEqual(figures(settled));
    expect(live.lines.filter((line) => line.do.actual !== null).length).toBeGreaterThanOrEqual(20);
  });

  it('shows maturity levels that differ by area', async () => {
    const maturity = await json<MaturityResponse>(await apiFetch(`${platform.url}api/maturity`));
    const levels = new Set(maturity.areas.map((a) => a.level));
    expect(levels.size).toBeGreaterThan(1);
  });
});
