import { describe, expect, it } from 'vitest';
import { canAct, canListScopes, canSee, firstViewFor, navigationFor } from './access';

describe('what each role sees', () => {
  it('gives managers and admins every view and the commands', () => {
    for (const role of ['manager', 'admin'] as const) {
      expect(navigationFor(role)).toEqual([
        'overview',
        'scorecard',
        'whatIf',
        'kpis',
        'maturity',
        'capacity',
        'pipeline',
        'myWork',
        'exchange',
        'quoteBuilder',
        'tenderBoard',
        'timeSheet',
        'library',
        'staffing',
        'workbench',
        ...(role === 'admin' ? ['replay'] : []),
      ]);
      expect(canAct(role)).toBe(true);
    }
  });
  it('lets analysts and auditors read the KPIs and maturity, not act', () => {
    expect(navigationFor('analyst')).toEqual(['workbench', 'overview', 'scorecard', 'kpis', 'maturity', 'library']);
    expect(navigationFor('auditor')).toEqual(['replay', 'overview', 'scorecard', 'kpis', 'maturity', 'library']);
    for (const role of ['analyst', 'auditor'] as const) expect(canAct(role)).toBe(false);
    // The workbench is the analyst's first view; auditors run no SQL.
    expect(canSee('auditor', 'workbench')).toBe(false);
    expect(canListScopes('analyst')).toBe(true);
    expect(canListScopes('auditor')).toBe(false);
  });
  it('lands auditors on the dispute replay, which only they and admins may open', () => {
    expect(firstViewFor('auditor')).toBe('replay');
    expect(firstViewFor('manager')).toBe('overview');
    expect(firstViewFor('admin')).toBe('overview');
    expect(['sales', 'presales', 'manager', 'analyst'].filter((role) => canSee(role as 'sales', 'replay'))).toEqual([]);
  });
  it('shows sales and presales the overview and their workspace', () => {
    for (const role of ['sales', 'presales'] as const) {
      expect(navigationFor(role)).toEqual([
        'overview',
        'myWork',
        'exchange',
        'quoteBuilder',
        'tenderBoard',
        ...(role === 'presales' ? ['timeSheet'] : []),
        'library',
        'staffing',
      ]);
      expect(canSee(role, 'recordForm')).toBe(true);
      expect(canSee(role, 'units')).toBe(false);
    }
  });
});
