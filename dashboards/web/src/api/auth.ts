import type { SessionResponse, SignedInUser, SignInProvidersResponse, UserRoleName } from '@presales/contracts';
import { request } from './http';

export type Role = UserRoleName;
export type SessionUser = SignedInUser;
export type SessionAnswer = SessionResponse;
export type AuthProviders = SignInProvidersResponse;

export const authApi = {
  providers: () => request<AuthProviders>('/api/auth/providers', { authRequest: true }),
  me: () => request<SessionAnswer>('/api/auth/me', { authRequest: true }),
  login: (username: string, password: string) =>
    request<SessionAnswer>('/api/auth/login', { method: 'POST', body: { username, password }, authRequest: true }),
  token: (token: string) =>
    request<SessionAnswer>('/api/auth/token', { method: 'POST', body: { token }, authRequest: true }),
  logout: () => request<void>('/api/auth/logout', { method: 'POST', authRequest: true }),
};
