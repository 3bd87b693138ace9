import { describe, expect, it } from 'vitest';
import { failingUnitTarget, practiceKey } from '../maturity/maturity-model';
import { capacitySql, funnelSql, literal, pipelineHonoursScope, productGapsSql, sqlWindow } from './analyst-sql';
import { recordHistorySql, recordIdOf } from './record-sql';

const w = sqlWindow('2026-Q3', '2026-10-01T00:00:00.000Z', new Date());

describe('analyst SQL of the views', () => {
  it('covers the period and only what was recorded by asOf', () => {
    expect(w).toEqual({
      fromMs: Date.parse('2026-07-01T00:00:00Z'),
      toMs: Date.parse('2026-10-01T00:00:00Z'),
      asOfMs: Date.parse('2026-10-01T00:00:00Z'),
    });
    const sql = capacitySql('org', w);
    expect(sql).toContain(`t.work_date_ms >= ${w.fromMs} AND t.work_date_ms < ${w.toMs}`);
    expect(sql.match(/recorded_at_ms <= \d+/g)?.every((m) => m.endsWith(String(w.asOfMs)))).toBe(true);
  });

  it('narrows by scope, quoting ids so a link cannot inject SQL', () => {
    expect(capacitySql('team:team-1', w)).toContain("c.team_id = 'team-1'");
    expect(capacitySql('consultant:con-1', w)).toContain("c.consultant_id = 'con-1'");
    expect(productGapsSql('product_line:erp', w)).toContain("g.product_line = 'erp'");
    expect(funnelSql('product_line:erp', w)).toContain("has(r.product_lines, 'erp')");
    expect(literal("x' OR '1")).toBe("'x\\' OR \\'1'");
  });

  it('says when the pipeline cannot narrow to a scope', () => {
    expect(pipelineHonoursScope('org')).toBe(true);
    expect(pipelineHonoursScope('product_line:erp')).toBe(true);
    expect(pipelineHonoursScope('team:t-1')).toBe(false);
  });
});

describe('records and failing units', () => {
  it('finds the record of a unit', () => {
    expect(recordIdOf('tnd-000125/sec-1')).toBe('tnd-000125');
    expect(recordIdOf('con-000001@2026-W03')).toBe('con-000001');
    expect(recordHistorySql("o'1", 5)).toContain("endsWith(e.stream_id, '-o\\'1')");
  });
  it('links a KPI-quarter to the KPI in that quarter, a unit of work to its record', () => {
    expect(failingUnitTarget('bid_turnaround_hours@2026-Q2')).toEqual({
      name: 'kpis',
      params: { kpiId: 'bid_turnaround_hours' },
      query: { period: '2026-Q2' },
    });
    expect(failingUnitTarget('tnd-000168/rev-2')).toEqual({ name: 'record', params: { id: 'tnd-000168' } });
    expect(practiceKey('bid.reviews_cite_current_checklist')).toBe('reviews_cite_current_checklist');
  });
});
