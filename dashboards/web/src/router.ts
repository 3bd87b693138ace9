import {
  createRouter,
  createWebHistory,
  START_LOCATION,
  type RouteLocation,
  type RouteLocationNormalized,
  type RouteRecordRaw,
} from 'vue-router';
import { askEarly } from './api/early-answer';
import { scorecardPath } from './api/endpoints';
import { whenUnauthorized } from './api/http';
import { parseGlobalState } from './state/global-query';
import { canSee, firstViewFor, navigationFor, type ViewName } from './session/access';
import { loadSession, mayHaveSession, session, signedOut } from './session/session';
import OverviewView from './views/OverviewView.vue';
import { WORKSPACE_ROUTES } from './workspace/workspace-routes';

// Every view is its own chunk but the overview, the first view: bundled with the app, its scorecard
// request leaves with the session's (beforeEach below), not after one more round trip (docs/benchmarks.md).
const routes: RouteRecordRaw[] = [
  { path: '/', name: 'home', component: OverviewView, meta: { view: 'overview' } },
  { path: '/sign-in', name: 'sign-in', component: () => import('./views/SignInView.vue'), meta: { public: true } },
  { path: '/overview', name: 'overview', component: OverviewView, meta: { view: 'overview' } },
  {
    path: '/scorecard',
    name: 'scorecard',
    component: () => import('./views/ScorecardView.vue'),
    meta: { view: 'scorecard' },
  },
  { path: '/what-if', name: 'whatIf', component: () => import('./views/WhatIfView.vue'), meta: { view: 'whatIf' } },
  { path: '/kpis/:kpiId?', name: 'kpis', component: () => import('./views/KpiDetailView.vue'), meta: { view: 'kpis' } },
  {
    path: '/kpis/:kpiId/units',
    name: 'units',
    component: () => import('./views/UnitsView.vue'),
    meta: { view: 'units' },
  },
  {
    path: '/maturity/:area?',
    name: 'maturity',
    component: () => import('./views/MaturityView.vue'),
    meta: { view: 'maturity' },
  },
  {
    path: '/capacity',
    name: 'capacity',
    component: () => import('./views/CapacityView.vue'),
    meta: { view: 'capacity' },
  },
  {
    path: '/pipeline',
    name: 'pipeline',
    component: () => import('./views/PipelineView.vue'),
    meta: { view: 'pipeline' },
  },
  {
    path: '/library/:assetId?',
    name: 'library',
    component: () => import('./views/LibraryView.vue'),
    meta: { view: 'library' },
  },
  {
    path: '/staffing',
    name: 'staffing',
    component: () => import('./views/StaffingView.vue'),
    meta: { view: 'staffing' },
  },
  {
    path: '/workbench',
    name: 'workbench',
    component: () => import('./views/WorkbenchView.vue'),
    meta: { view: 'workbench', controls: false },
  },
  { path: '/records/:id', name: 'record', component: () => import('./views/RecordView.vue'), meta: { view: 'record' } },
  {
    path: '/replay/:tenderId?',
    name: 'replay',
    component: () => import('./views/ReplayView.vue'),
    meta: { view: 'replay', controls: false },
  },
  ...WORKSPACE_ROUTES,
  {
    path: '/:missing(.*)*',
    name: 'not-found',
    component: () => import('./views/NotFoundView.vue'),
    meta: { public: true },
  },
];

export const router = createRouter({
  history: createWebHistory(),
  routes,
  // A fresh page is at the top already: scrolling there would only force a layout of the first view.
  scrollBehavior: (_to, from, saved) => saved ?? (from === START_LOCATION ? false : { top: 0 }),
});

let sessionLoaded: Promise<void> | null = null;

/**
 * Asks who is signed in, once. A deep link to the overview is a manager's first view: when this
 * browser was signed in, its scorecard leaves with `/api/auth/me` rather than after it. main.ts
 * calls this before the app's shell mounts, so both are in flight while it does (decision 0047);
 * the first guard waits for the same answer.
 */
export function startSession(first: Pick<RouteLocation, 'name' | 'query'>): Promise<void> {
  if (sessionLoaded === null && first.name === 'overview' && mayHaveSession())
    askEarly(scorecardPath(parseGlobalState(first.query, new Date())));
  sessionLoaded ??= loadSession().catch(() => undefined);
  return sessionLoaded;
}

/** Signed out → sign-in, and back to this deep link afterwards; a view the role may not see → its first view. */
router.beforeEach(async (to: RouteLocationNormalized) => {
  await startSession(to);
  if (to.meta['public'] === true) return true;
  if (session.status !== 'signed-in' || session.user === null)
    return { name: 'sign-in', query: { redirect: to.fullPath } };
  // The root is each role's first view: an analyst's work is the SQL workbench, an auditor's the dispute replay.
  if (to.name === 'home') return { name: firstViewFor(session.user.role), query: to.query, replace: true };
  const view = to.meta['view'] as ViewName | undefined;
  if (view !== undefined && !canSee(session.user.role, view))
    return { name: navigationFor(session.user.role)[0] ?? 'overview' };
  return true;
});

/** The session ended (expired, signed out elsewhere): sign in again, then come back here. */
whenUnauthorized(() => {
  const current = router.currentRoute.value;
  if (current.name === 'sign-in') return;
  signedOut();
  void router.push({ name: 'sign-in', query: { redirect: current.fullPath, expired: '1' } });
});
