import type { AppLocale } from '../format/format';

/**
 * The language is remembered per user once signed in (`presales.locale.<userId>`), and on the
 * device before (`presales.locale`), so the sign-in page already speaks the last user's language.
 */
const DEVICE_KEY = 'presales.locale';
const userKey = (userId: string) => `${DEVICE_KEY}.${userId}`;

function storage(): Storage | undefined {
  try {
    return typeof localStorage === 'undefined' ? undefined : localStorage;
  } catch {
    return undefined; // storage disabled: the language lasts for the page only
  }
}

export function isAppLocale(value: unknown): value is AppLocale {
  return value === 'en' || value === 'zh-CN';
}

/** The remembered language, else the browser's first preference we speak, else English. */
export function initialLocale(preferred: readonly string[], store = storage()): AppLocale {
  const remembered = store?.getItem(DEVICE_KEY);
  if (isAppLocale(remembered)) return remembered;
  return preferred.some((language) => language.toLowerCase().startsWith('zh')) &&
    !preferred[0]?.toLowerCase().startsWith('en')
    ? 'zh-CN'
    : 'en';
}

export function rememberLocale(locale: AppLocale, userId: string | null, store = storage()): void {
  store?.setItem(DEVICE_KEY, locale);
  if (userId !== null) store?.setItem(userKey(userId), locale);
}

/** The language a user chose last, if any. */
export function userLocale(userId: string, store = storage()): AppLocale | null {
  const value = store?.getItem(userKey(userId));
  return isAppLocale(value) ? value : null;
}
