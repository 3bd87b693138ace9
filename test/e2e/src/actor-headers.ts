/**
 * Who a request acts as. The one place the e2e tests of this file's users say it: when the API
 * moves from X-Actor-* headers to sign-in, credentials go here.
 */
export type Role = 'consultant' | 'sales' | 'manager' | 'analyst' | 'auditor' | 'admin';

export function actorHeaders(role: Role, id = `${role}-e2e`): Record<string, string> {
  return { 'x-actor-id': id, 'x-actor-role': role };
}
