import { describe, expect, it } from 'vitest';
import { canAct, canListScopes, canSee, navigationFor } from './access';

describe('what each role sees', () => {
  it('gives managers and admins every view and the commands', () => {
    for (const role of ['manager', 'admin'] as const) {
      expect(navigationFor(role)).toEqual(['overview', 'scorecard', 'whatIf', 'kpis', 'maturity', 'capacity', 'pipeline', 'workbench']);
      expect(canAct(role)).toBe(true);
    }
  });
  it('lets analysts and auditors read the KPIs and maturity, not act', () => {
    for (const role of ['analyst', 'auditor'] as const) {
      expect(navigationFor(role).filter((view) => view !== 'workbench')).toEqual(['overview', 'scorecard', 'kpis', 'maturity']);
      expect(canAct(role)).toBe(false);
    }
    // The workbench is the analyst's first view; auditors run no SQL.
    expect(navigationFor('analyst')[0]).toBe('workbench');
    expect(canSee('auditor', 'workbench')).toBe(false);
    expect(canListScopes('analyst')).toBe(true);
    expect(canListScopes('auditor')).toBe(false);
  });
  it('shows sales and presales the overview only', () => {
    for (const role of ['sales', 'presales'] as const) {
      expect(navigationFor(role)).toEqual(['overview']);
      expect(canSee(role, 'units')).toBe(false);
    }
  });
});
