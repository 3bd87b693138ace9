import { reactive, readonly } from 'vue';
import { ApiError, setCsrfToken } from '../api/http';
import { authApi, type AuthProviders, type SessionAnswer, type SessionUser } from '../api/auth';

export interface SessionState {
  /** `unknown` until the first /api/auth/me has answered. */
  status: 'unknown' | 'signed-in' | 'signed-out';
  user: SessionUser | null;
  providers: AuthProviders | null;
}

const state = reactive<SessionState>({ status: 'unknown', user: null, providers: null });
export const session = readonly(state);

function signedIn(answer: SessionAnswer): SessionUser {
  setCsrfToken(answer.csrfToken ?? null);
  state.user = answer.user;
  state.status = 'signed-in';
  return answer.user;
}

export function signedOut(): void {
  setCsrfToken(null);
  state.user = null;
  state.status = 'signed-out';
}

/** Who is signed in, asked once at start (and again after a 401). */
export async function loadSession(): Promise<void> {
  try {
    signedIn(await authApi.me());
  } catch (error) {
    if (!(error instanceof ApiError && error.status === 401)) throw error;
    signedOut();
  }
}

export async function loadProviders(): Promise<AuthProviders> {
  state.providers ??= await authApi.providers().catch((): AuthProviders => ({ password: true, oidc: null }));
  return state.providers;
}

export async function signInWithPassword(username: string, password: string): Promise<SessionUser> {
  return signedIn(await authApi.login(username, password));
}

export async function signInWithToken(token: string): Promise<SessionUser> {
  return signedIn(await authApi.token(token));
}

export async function signOut(): Promise<void> {
  try {
    await authApi.logout();
  } finally {
    signedOut();
  }
}
