import type { RouteRecordRaw } from 'vue-router';

/** The workspace's views, each its own chunk. */
export const WORKSPACE_ROUTES: RouteRecordRaw[] = [
  { path: '/work', name: 'myWork', component: () => import('../views/MyWorkView.vue'), meta: { view: 'myWork' } },
  {
    path: '/work/exchange',
    name: 'exchange',
    component: () => import('../views/ExchangeView.vue'),
    meta: { view: 'exchange' },
  },
  {
    path: '/work/tender-response',
    name: 'tenderResponse',
    component: () => import('../views/TenderResponseView.vue'),
    meta: { view: 'tenderResponse' },
  },
  {
    path: '/work/quotes/:quoteId?',
    name: 'quoteBuilder',
    component: () => import('../views/QuoteBuilderView.vue'),
    meta: { view: 'quoteBuilder' },
  },
  {
    path: '/work/tenders',
    name: 'tenderBoard',
    component: () => import('../views/TenderBoardView.vue'),
    meta: { view: 'tenderBoard' },
  },
  {
    path: '/work/time',
    name: 'timeSheet',
    component: () => import('../views/TimeSheetView.vue'),
    meta: { view: 'timeSheet' },
  },
  {
    path: '/work/record/:command',
    name: 'recordForm',
    component: () => import('../views/RecordFormView.vue'),
    meta: { view: 'recordForm' },
  },
];
