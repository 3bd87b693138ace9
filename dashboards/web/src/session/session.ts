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

/**
 * Whether this browser was signed in when last seen: the session cookie is HttpOnly, so this is
 * the only hint the app has before `/api/auth/me` answers, enough to ask for the first view's
 * data early without a refused request (and its console error) for a visitor who is not.
 */
const SIGNED_IN_HINT = 'presales.signedIn';
function rememberSignedIn(signedIn: boolean): void {
  try {
    if (signedIn) localStorage.setItem(SIGNED_IN_HINT, '1');
    else localStorage.removeItem(SIGNED_IN_HINT);
  } catch {
    // No storage (private mode, a sandbox): the first view simply asks after the session.
  }
}
export function mayHaveSession(): boolean {
  try {
    return localStorage.getItem(SIGNED_IN_HINT) === '1';
  } catch {
    return false;
  }
}

function signedIn(answer: SessionAnswer): SessionUser {
  rememberSignedIn(true);
  setCsrfToken(answer.csrfToken ?? null);
  state.user = answer.user;
  state.status = 'signed-in';
  return answer.user;
}

export function signedOut(): void {
  rememberSignedIn(false);
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
