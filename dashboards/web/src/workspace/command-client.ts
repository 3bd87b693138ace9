import type {
  AggregateStateResponse,
  CommandAcceptedResponse,
  MyWorkResponse,
  PickerKind,
  PickerResponse,
} from '@presales/contracts';
import { queryString } from '../api/endpoints';
import { request } from '../api/http';
import type { CommandSpec } from '../forms/field-model';
import { commandSpecs } from '../forms/form-engine';
import type { OpenApiDocument } from '../forms/json-schema';

let catalog: Promise<CommandSpec[]> | null = null;

/** Every command's form, from the API's published contract (read once per page). */
export function loadCommandSpecs(): Promise<CommandSpec[]> {
  catalog ??= request<OpenApiDocument>('/api/openapi.json').then(commandSpecs, (error: unknown) => {
    catalog = null;
    throw error;
  });
  return catalog;
}

export interface SendOptions {
  /** The revision the form was filled on: the API refuses with 409 if the record moved since. */
  readonly ifMatch?: string;
  /** One key per part of a submission: a retry with it records nothing twice. */
  readonly idempotencyKey?: string;
}

/** The path of `spec` with the record's id filled in; the id leaves the body. */
export function commandRequest(
  spec: CommandSpec,
  payload: Readonly<Record<string, unknown>>,
): { path: string; body: Record<string, unknown> } {
  const body: Record<string, unknown> = { ...payload };
  const path = spec.path.replace(/\{(\w+)\}/g, (_, name: string) => {
    const value = body[name];
    delete body[name];
    return encodeURIComponent(String(value ?? ''));
  });
  return { path, body };
}

export function sendCommand(
  spec: CommandSpec,
  payload: Readonly<Record<string, unknown>>,
  options: SendOptions = {},
): Promise<CommandAcceptedResponse> {
  const { path, body } = commandRequest(spec, payload);
  const headers: Record<string, string> = {};
  if (options.ifMatch !== undefined) headers['if-match'] = `"${options.ifMatch}"`;
  if (options.idempotencyKey !== undefined) headers['idempotency-key'] = options.idempotencyKey;
  return request<CommandAcceptedResponse>(path, { method: 'POST', body, headers });
}

/** `/api/tenders/{tenderId}/submissions` → `/api/tenders/T-1`: the record's current state and revision. */
export function readRecord(spec: CommandSpec, id: string, signal?: AbortSignal): Promise<AggregateStateResponse> {
  const resource = spec.path.split('/{')[0]!;
  return request<AggregateStateResponse>(`${resource}/${encodeURIComponent(id)}`, { signal });
}

export function pick(
  kind: PickerKind,
  search: string,
  opportunityId?: string,
  signal?: AbortSignal,
): Promise<PickerResponse> {
  return request<PickerResponse>(
    `/api/workspace/pickers/${kind}${queryString({ q: search, opportunityId, limit: 20 })}`,
    { signal },
  );
}

export function myWork(signal?: AbortSignal): Promise<MyWorkResponse> {
  return request<MyWorkResponse>('/api/workspace/my-work', { signal });
}
