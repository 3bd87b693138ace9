/**
 * Until the API authenticates sessions, it trusts a declared actor. The dashboard declares the
 * manager, as the one-page dashboard did. Once sign-in is merged this file and its single use in
 * http.ts are deleted: the session cookie names the actor.
 */
export const LEGACY_ACTOR_HEADERS: Readonly<Record<string, string>> = { 'x-actor-role': 'manager', 'x-actor-id': 'dashboard' };
