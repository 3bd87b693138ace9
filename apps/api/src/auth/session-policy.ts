/** How long a browser session lasts from sign-in, whatever the activity: a working day and a half. */
export const SESSION_LIFETIME_MS = 12 * 3600 * 1000;
export const SESSION_COOKIE = 'presales_session';
/** The header a browser session sends on every request that changes something. */
export const CSRF_HEADER = 'x-csrf-token';
/** An API token lives 90 days unless asked otherwise, and at most a year. */
export const TOKEN_DEFAULT_LIFETIME_MS = 90 * 86_400 * 1000;
export const TOKEN_MAX_LIFETIME_MS = 366 * 86_400 * 1000;
/** API tokens start with this, so secret scanners and people recognise one. */
export const TOKEN_PREFIX = 'psl_';
