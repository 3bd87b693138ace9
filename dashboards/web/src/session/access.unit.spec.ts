import { describe, expect, it } from 'vitest';
import { canAct, canListScopes, canSee, navigationFor } from './access';

describe('what each role sees', () => {
  it('gives managers and admins every view and the commands', () => {
    for (const role of ['manager', 'admin'] as const) {
      expect(navigationFor(role)).toEqual(['overview', 'scorecard', 'whatIf', 'kpis', 'maturity', 'capacity', 'pipeline', 'myWork', 'exchange']);
      expect(canAct(role)).toBe(true);
    }
  });
  it('lets analysts and auditors read the KPIs and maturity, not act', () => {
    for (const role of ['analyst', 'auditor'] as const) {
      expect(navigationFor(role)).toEqual(['overview', 'scorecard', 'kpis', 'maturity']);
      expect(canAct(role)).toBe(false);
    }
    expect(canListScopes('analyst')).toBe(true);
    expect(canListScopes('auditor')).toBe(false);
  });
  it('shows sales and presales the overview and their workspace', () => {
    for (const role of ['sales', 'presales'] as const) {
      expect(navigationFor(role)).toEqual(['overview', 'myWork', 'exchange']);
      expect(canSee(role, 'recordForm')).toBe(true);
      expect(canSee(role, 'units')).toBe(false);
    }
  });
});
