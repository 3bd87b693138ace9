import type { Role } from '../api/auth';

/** The app's views; each route names one. */
export type ViewName =
  | 'overview'
  | 'scorecard'
  | 'whatIf'
  | 'kpis'
  | 'maturity'
  | 'capacity'
  | 'pipeline'
  | 'units'
  | 'record'
  | 'replay'
  | 'library'
  | 'staffing'
  | 'workbench'
  | WorkspaceView;
/** The presales engineer's workspace: My work, the customer exchange, any command's form. */
type WorkspaceView =
  'myWork' | 'exchange' | 'recordForm' | 'tenderResponse' | 'quoteBuilder' | 'tenderBoard' | 'timeSheet';
const RECORDERS: readonly Role[] = ['sales', 'presales', 'manager', 'admin'];

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
  replay: ['auditor', 'admin'],
  myWork: RECORDERS,
  exchange: RECORDERS,
  recordForm: RECORDERS,
  tenderResponse: RECORDERS,
  quoteBuilder: RECORDERS,
  tenderBoard: RECORDERS,
  // Time is logged by presales people (LogTime: presales, managers, admins).
  timeSheet: ['presales', ...MANAGERS],
  library: ['sales', 'presales', ...READERS],
  staffing: ['sales', 'presales', ...MANAGERS],
  workbench: ['analyst', ...MANAGERS],
};

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
export const NAVIGATION: readonly ViewName[] = [
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
  'replay',
];
export function navigationFor(role: Role): ViewName[] {
  const views = NAVIGATION.filter((view) => canSee(role, view));
  return views.sort((a, b) => Number(b === FIRST_VIEW[role]) - Number(a === FIRST_VIEW[role]));
}

/** Where a role lands after signing in, when its work is not the overview: first in its navigation too. */
const FIRST_VIEW: Partial<Record<Role, ViewName>> = { auditor: 'replay', analyst: 'workbench' };
export function firstViewFor(role: Role): ViewName {
  return navigationFor(role)[0] ?? 'overview';
}
