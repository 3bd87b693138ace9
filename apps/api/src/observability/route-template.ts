import type { Request, Response } from 'express';

const ROUTE = 'presalesRoute';

/** Names what a middleware outside the router served (the dashboard's files), as a route would be named. */
export function nameRoute(response: Response, template: string): void {
  response.locals[ROUTE] = template;
}

/**
 * The route a request was served by, as a template (`/api/tenders/:tenderId`): the router's match,
 * a name a middleware gave it, or `unmatched`. Never the URL as sent, whose ids are unbounded.
 */
export function routeTemplateOf(request: Request, response: Response): string {
  const named: unknown = response.locals[ROUTE];
  if (typeof named === 'string') return named;
  const path: unknown = (request.route as { path?: unknown } | undefined)?.path;
  return typeof path === 'string' ? `${request.baseUrl}${path}` : 'unmatched';
}
