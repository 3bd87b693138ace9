import { request } from './http';

/** The roles of the sign-in contract (issue 15). */
export type Role = 'sales' | 'presales' | 'manager' | 'analyst' | 'auditor' | 'admin';

export interface SessionUser {
  readonly id: string;
  readonly name: string;
  readonly role: Role;
}

export interface SessionAnswer {
  readonly user: SessionUser;
  readonly csrfToken: string;
}

export interface AuthProviders {
  readonly password: boolean;
  readonly oidc: { readonly name: string; readonly loginUrl: string } | null;
}

export const authApi = {
  providers: () => request<AuthProviders>('/api/auth/providers', { authRequest: true }),
  me: () => request<SessionAnswer>('/api/auth/me', { authRequest: true }),
  login: (username: string, password: string) => request<SessionAnswer>('/api/auth/login', { method: 'POST', body: { username, password }, authRequest: true }),
  token: (token: string) => request<SessionAnswer>('/api/auth/token', { method: 'POST', body: { token }, authRequest: true }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', authRequest: true }),
};
