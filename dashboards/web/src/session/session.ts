import { reactive, readonly } from 'vue';
import { ApiError, setCsrfToken } from '../api/http';
import { authApi, type AuthProviders, type SessionAnswer, type SessionUser } from '../api/auth';

export interface SessionState {
  /** `unknown` until the first /api/auth/me has answered. */
  status: 'unknown' | 'signed-in' | 'signed-out';
  user: SessionUser | null;
  /** false: this server has no sign-in yet (its auth routes answer 404); the app acts as a manager. */
  authEnabled: boolean;
  providers: AuthProviders | null;
}

const state = reactive<SessionState>({ status: 'unknown', user: null, authEnabled: true, providers: null });
export const session = readonly(state);

/** Before sign-in exists on a server, the dashboard is what it was: a manager's. */
const NO_AUTH_USER: SessionUser = { id: 'dashboard', name: 'manager', role: 'manager' };

function signedIn(answer: SessionAnswer): SessionUser {
  setCsrfToken(answer.csrfToken);
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
    state.authEnabled = true;
  } catch (error) {
    if (error instanceof ApiError && error.status === 404) {
      state.authEnabled = false;
      state.user = NO_AUTH_USER;
      state.status = 'signed-in';
    } else if (error instanceof ApiError && error.status === 401) {
      signedOut();
    } else {
      throw error;
    }
  }
}

export async function loadProviders(): Promise<AuthProviders> {
  state.providers ??= await authApi.providers().catch(() => ({ password: true, oidc: null }));
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
