/** Engines whose suites skip on a machine without them. chDB and SQLite are npm packages: they never skip. */
export const SKIPPABLE_ENGINES = ['clickhouse', 'chromium', 'eventstoredb', 'zookeeper'] as const;
export type SkippableEngine = (typeof SKIPPABLE_ENGINES)[number];

/**
 * `REQUIRE_ENGINES=clickhouse,chromium` (CI sets it): the engines whose suites must run here. A
 * name that is no engine is an error, not an empty requirement: a typo must not let CI skip.
 */
export function requiredEngines(env: NodeJS.ProcessEnv = process.env): ReadonlySet<SkippableEngine> {
  const names = (env['REQUIRE_ENGINES'] ?? '')
    .split(',')
    .map((name) => name.trim().toLowerCase())
    .filter((name) => name !== '');
  const unknown = names.filter((name) => !(SKIPPABLE_ENGINES as readonly string[]).includes(name));
  if (unknown.length > 0)
    throw new Error(
      `REQUIRE_ENGINES=${env['REQUIRE_ENGINES']}: ${unknown.join(', ')} is no engine; engines: ${SKIPPABLE_ENGINES.join(', ')}`,
    );
  return new Set(names as SkippableEngine[]);
}

/**
 * For a suite that needs `engine`: undefined when it can run (`reason` undefined). Otherwise the
 * suite skips loudly — `[suite] SKIPPED: reason` on stderr — or, when REQUIRE_ENGINES names the
 * engine, fails: this throws while the test file loads, so the run reports a failed file, never
 * a quiet skip.
 */
export function skipUnlessAvailable(
  suite: string,
  engine: SkippableEngine,
  reason: string | undefined,
  env: NodeJS.ProcessEnv = process.env,
): string | undefined {
  if (reason === undefined) return undefined;
  if (requiredEngines(env).has(engine))
    throw new Error(`${suite}: REQUIRE_ENGINES names ${engine}, so this suite must run here, but ${reason}`);
  console.warn(`[${suite}] SKIPPED: ${reason}`);
  return reason;
}
