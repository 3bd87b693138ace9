/**
 * A store URL as it may be printed: the password of each `scheme://user:password@host` (a
 * CLICKHOUSE_URL lists several nodes) replaced, so start-up lines and configuration errors,
 * which log collectors keep, never carry a credential.
 */
export function redactedUrl(url: string): string {
  return url.replace(/(\/\/[^/?#@:,\s]*):[^/?#@\s]*@/g, '$1:***@');
}
