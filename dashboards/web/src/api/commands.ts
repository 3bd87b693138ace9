import { request } from './http';

/**
 * The PDCA commands of libs/domain the dashboard issues, with their payloads (the dashboard may
 * not import libs/domain: it is not browser-scoped). Their HTTP routes are being added (issue 17):
 * the route of a command is found in the API's OpenAPI document by operationId (= the command's
 * name); until that document exists, the resource-style routes below are tried, and the API's
 * answer, an error included, is shown as it comes.
 */
/** A KPI scope as the domain writes it: `{ kind: 'org' }`, `{ kind: 'team', id: 'team-1' }`. */
export interface KpiScope {
  readonly kind: 'org' | 'team' | 'consultant' | 'product_line';
  readonly id?: string;
}

export interface CommandPayloads {
  readonly RaiseCorrectiveAction: {
    actionId: string;
    kpiId: string;
    period: string;
    scope: KpiScope;
    rootCause: string;
    action: string;
    ownerId: string;
    dueAt: string;
  };
  readonly CompleteCorrectiveAction: { actionId: string; result: string };
  readonly VerifyCorrectiveAction: { actionId: string; effective: boolean; measuredDelta: string };
  readonly SetKpiTarget: { kpiId: string; period: string; scope: KpiScope; target: string };
}
export type CommandName = keyof CommandPayloads;

export const FALLBACK_ROUTES: Readonly<Record<CommandName, string>> = {
  RaiseCorrectiveAction: '/api/corrective-actions',
  CompleteCorrectiveAction: '/api/corrective-actions/{actionId}/completions',
  VerifyCorrectiveAction: '/api/corrective-actions/{actionId}/verifications',
  SetKpiTarget: '/api/kpis/{kpiId}/targets',
};

interface OpenApiDocument {
  readonly paths?: Readonly<Record<string, Readonly<Record<string, { readonly operationId?: string }>>>>;
}

/** The path template of each operationId the document lists under POST. */
export function routesFromOpenApi(document: OpenApiDocument): Map<string, string> {
  const routes = new Map<string, string>();
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    const id = operations['post']?.operationId;
    if (id !== undefined) routes.set(id, path);
  }
  return routes;
}

/** `/api/x/{actionId}` filled from the payload; the fields used in the path leave the body. */
export function fillRoute(
  template: string,
  payload: Readonly<Record<string, unknown>>,
): { path: string; body: Record<string, unknown> } {
  const body: Record<string, unknown> = { ...payload };
  const path = template.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = body[name];
    delete body[name];
    return encodeURIComponent(String(value ?? ''));
  });
  return { path, body };
}

let documented: Promise<Map<string, string>> | null = null;
function documentedRoutes(): Promise<Map<string, string>> {
  documented ??= request<OpenApiDocument>('/api/openapi.json')
    .then(routesFromOpenApi)
    .catch(() => new Map<string, string>());
  return documented;
}

export async function sendCommand<C extends CommandName>(name: C, payload: CommandPayloads[C]): Promise<unknown> {
  const template = (await documentedRoutes()).get(name) ?? FALLBACK_ROUTES[name];
  const { path, body } = fillRoute(template, payload);
  return request<unknown>(path, { method: 'POST', body });
}
