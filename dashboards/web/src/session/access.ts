import type { Role } from '../api/auth';

/** The app's views; each route names one. */
export type ViewName = 'overview' | 'scorecard' | 'whatIf' | 'kpis' | 'maturity' | 'capacity' | 'pipeline' | 'units' | 'record' | 'workbench';

const MANAGERS: readonly Role[] = ['manager', 'admin'];
const READERS: readonly Role[] = ['manager', 'admin', 'analyst', 'auditor'];

/**
 * What each role may see (the API still refuses the rest): managers and admins run the
 * organisation; analysts and auditors read the KPIs and maturity; sales and presales see the
 * overview. Capacity, pipeline and a record's history read analyst SQL, which only managers,
 * analysts and admins may run.
 */
const VIEW_ROLES: Readonly<Record<ViewName, readonly Role[]>> = {
  overview: ['sales', 'presales', ...READERS],
  scorecard: READERS,
  whatIf: MANAGERS,
  kpis: READERS,
  maturity: READERS,
  capacity: MANAGERS,
  pipeline: MANAGERS,
  units: READERS,
  record: [...MANAGERS, 'analyst'],
  workbench: ['analyst', ...MANAGERS],
};

/** A role's first view, when not the overview: where `/` and the navigation start. */
const HOME: Partial<Readonly<Record<Role, ViewName>>> = { analyst: 'workbench' };

export function canSee(role: Role, view: ViewName): boolean {
  return VIEW_ROLES[view].includes(role);
}

/** Raise, complete and verify corrective actions, set targets. */
export function canAct(role: Role): boolean {
  return MANAGERS.includes(role);
}

/** The scope pickers' lists come from analyst SQL. */
export function canListScopes(role: Role): boolean {
  return ['manager', 'admin', 'analyst'].includes(role);
}

/** The navigation, in its order, for a role. */
export const NAVIGATION: readonly ViewName[] = ['overview', 'scorecard', 'whatIf', 'kpis', 'maturity', 'capacity', 'pipeline', 'workbench'];
export function navigationFor(role: Role): ViewName[] {
  const views = NAVIGATION.filter((view) => canSee(role, view));
  const home = HOME[role];
  return home === undefined ? views : [home, ...views.filter((view) => view !== home)];
}
