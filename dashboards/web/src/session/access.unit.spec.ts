import { describe, expect, it } from 'vitest';
import { canAct, canListScopes, canSee, navigationFor } from './access';

describe('what each role sees', () => {
  it('gives managers and admins every view and the commands', () => {
    for (const role of ['manager', 'admin'] as const) {
      expect(navigationFor(role)).toEqual(['overview', 'scorecard', 'whatIf', 'kpis', 'maturity', 'capacity', 'pipeline', 'library', 'staffing']);
      expect(canAct(role)).toBe(true);
    }
  });
  it('lets analysts and auditors read the KPIs and maturity, not act', () => {
    for (const role of ['analyst', 'auditor'] as const) {
      expect(navigationFor(role)).toEqual(['overview', 'scorecard', 'kpis', 'maturity', 'library']);
      expect(canAct(role)).toBe(false);
    }
    expect(canListScopes('analyst')).toBe(true);
    expect(canListScopes('auditor')).toBe(false);
  });
  it('shows sales and presales the overview, the knowledge library and staffing for their opportunities', () => {
    for (const role of ['sales', 'presales'] as const) {
      expect(navigationFor(role)).toEqual(['overview', 'library', 'staffing']);
      expect(canSee(role, 'units')).toBe(false);
    }
  });
});
