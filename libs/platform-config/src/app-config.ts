import { resolve } from 'node:path';
import { redactedUrl } from './redacted-url.js';

/** Where the events live: the embedded SQLite file, or an EventStoreDB/KurrentDB server. */
export type EventStoreConfig =
  | { readonly kind: 'sqlite'; readonly file: string; readonly durability: 'full' | 'normal' }
  | { readonly kind: 'eventstoredb'; readonly url: string };

/** Where the analytics tables live: embedded chDB, or a ClickHouse server. */
export type AnalyticsConfig =
  | { readonly kind: 'chdb'; readonly path: string }
  | {
      readonly kind: 'clickhouse';
      /** CLICKHOUSE_URL as given: one node's URL, or several, comma-separated, to fail over between. */
      readonly url: string;
      /** The one database every listed node names (`default` when none does). */
      readonly database: string;
      readonly analystUser: { readonly username: string; readonly password: string };
      /** CLICKHOUSE_CLUSTER: ON CLUSTER DDL, replicated local tables, Distributed tables. */
      readonly cluster?: string;
    };

export interface AppConfig {
  readonly host: string;
  readonly port: number;
  readonly dataDir: string;
  readonly eventStore: EventStoreConfig;
  readonly analytics: AnalyticsConfig;
  /**
   * PROJECTOR: `embedded` runs the projector in this process (one process, no lease); `off` runs
   * none and follows the checkpoint a separate `presales projector` writes (docs/decisions/0038).
   */
  readonly projector: ProjectorMode;
  /**
   * KEPT_KPI_VALUES: `on` keeps every catalog KPI's value per month and quarter current in the
   * background, read by scorecards and trends (decision 0054); `off` (the default until a stop
   * during the first fill under load is understood, see 0054) computes every one when asked.
   */
  readonly keptKpiValues: boolean;
  /**
   * METRICS_TOKEN: a bearer token that lets a scraper read `/metrics` without an account. Unset,
   * only a signed-in admin reads it: the counts by event type are the business's volumes.
   */
  readonly metricsToken?: string;
}

export const PROJECTOR_MODES = ['embedded', 'off'] as const;
export type ProjectorMode = (typeof PROJECTOR_MODES)[number];

/** A configuration value that cannot be used; the message names the variable. */
export class ConfigError extends Error {
  constructor(
    readonly variable: string,
    readonly value: string,
    readonly rule: string,
  ) {
    super(`${variable}=${JSON.stringify(redactedUrl(value))}: ${rule}`);
    this.name = 'ConfigError';
  }
}

type Env = Readonly<Record<string, string | undefined>>;

/** Every setting the platform reads, with its default. README's configuration table mirrors this. */
export function parseConfig(env: Env, cwd = process.cwd()): AppConfig {
  const dataDir = resolve(cwd, nonEmpty(env, 'DATA_DIR') ?? '.data');
  const analytics = parseAnalytics(env, dataDir);
  return {
    host: nonEmpty(env, 'HOST') ?? '127.0.0.1',
    port: parsePort(nonEmpty(env, 'PORT') ?? '3000'),
    dataDir,
    eventStore: parseEventStore(env, dataDir),
    analytics,
    projector: parseProjectorMode(env, analytics),
    keptKpiValues: parseOnOff(env, 'KEPT_KPI_VALUES', 'off'),
    ...metricsToken(env),
  };
}

/** Long enough that guessing it is hopeless; it is compared in constant time. */
const MIN_METRICS_TOKEN_LENGTH = 24;

function metricsToken(env: Env): { metricsToken?: string } {
  const value = nonEmpty(env, 'METRICS_TOKEN');
  if (value === undefined) return {};
  if (value.length < MIN_METRICS_TOKEN_LENGTH || /\s/.test(value))
    throw new ConfigError(
      'METRICS_TOKEN',
      '(hidden)',
      `must be at least ${MIN_METRICS_TOKEN_LENGTH} characters without spaces (e.g. openssl rand -hex 24)`,
    );
  return { metricsToken: value };
}

function nonEmpty(env: Env, name: string): string | undefined {
  const value = env[name];
  return value === undefined || value.trim() === '' ? undefined : value.trim();
}

function parseOnOff(env: Env, name: string, fallback: 'on' | 'off'): boolean {
  const value = nonEmpty(env, name) ?? fallback;
  if (value !== 'on' && value !== 'off') throw new ConfigError(name, value, 'must be on or off');
  return value === 'on';
}

function parsePort(value: string): number {
  if (!/^\d+$/.test(value) || Number(value) > 65535)
    throw new ConfigError('PORT', value, 'must be an integer from 0 to 65535');
  return Number(value);
}

function parseProjectorMode(env: Env, analytics: AnalyticsConfig): ProjectorMode {
  const value = nonEmpty(env, 'PROJECTOR') ?? 'embedded';
  const mode = PROJECTOR_MODES.find((candidate) => candidate === value);
  if (mode === undefined) throw new ConfigError('PROJECTOR', value, `must be ${PROJECTOR_MODES.join(' or ')}`);
  // chDB's folder is locked by the one process that opens it: no projector elsewhere could fill it.
  if (mode === 'off' && analytics.kind === 'chdb')
    throw new ConfigError(
      'PROJECTOR',
      value,
      'needs CLICKHOUSE_URL: embedded chDB can only be projected into by the API itself',
    );
  return mode;
}

function parseUrl(variable: string, value: string, protocols: readonly string[]): URL {
  let url: URL;
  try {
    url = new URL(value);
  } catch {
    throw new ConfigError(variable, value, `must be a URL such as ${protocols[0]}//host:port`);
  }
  if (!protocols.includes(url.protocol)) throw new ConfigError(variable, value, `must use ${protocols.join(' or ')}`);
  return url;
}

function parseEventStore(env: Env, dataDir: string): EventStoreConfig {
  const url = nonEmpty(env, 'EVENTSTORE_URL');
  const durability = nonEmpty(env, 'EVENTSTORE_DURABILITY') ?? 'full';
  if (durability !== 'full' && durability !== 'normal')
    throw new ConfigError('EVENTSTORE_DURABILITY', durability, 'must be full or normal');
  if (url === undefined) return { kind: 'sqlite', file: resolve(dataDir, 'events.sqlite'), durability };
  // Not a WHATWG URL: the client's multi-node form `esdb://a:2113,b:2113,c:2113` is refused by
  // new URL. The scheme is checked here; the client parses the rest when start-up connects.
  if (!/^(?:esdb|kurrentdb|kurrent|kdb)(?:\+discover)?:\/\/[^/?#\s]+/i.test(url)) {
    throw new ConfigError(
      'EVENTSTORE_URL',
      url,
      'must use esdb: or esdb+discover: (or kurrentdb:, kurrent:, kdb:), such as esdb://host:2113?tls=false',
    );
  }
  return { kind: 'eventstoredb', url };
}

function parseAnalytics(env: Env, dataDir: string): AnalyticsConfig {
  const url = nonEmpty(env, 'CLICKHOUSE_URL');
  if (url === undefined) {
    if (nonEmpty(env, 'CLICKHOUSE_CLUSTER') !== undefined)
      throw new ConfigError(
        'CLICKHOUSE_CLUSTER',
        env['CLICKHOUSE_CLUSTER']!,
        'needs CLICKHOUSE_URL: embedded chDB has no cluster',
      );
    return { kind: 'chdb', path: resolve(dataDir, 'clickhouse') };
  }
  const nodes = url.split(',').map((entry) => parseUrl('CLICKHOUSE_URL', entry.trim(), ['http:', 'https:']));
  const databases = new Set(
    nodes.map((node) => decodeURIComponent(node.pathname.replace(/^\//, '').replace(/\/$/, '')) || 'default'),
  );
  if (databases.size > 1)
    throw new ConfigError(
      'CLICKHOUSE_URL',
      url,
      `every node must name the same database, not ${[...databases].join(' and ')}`,
    );
  const [database] = databases as Set<string> & { size: 1 };
  const analystUser = {
    username: nonEmpty(env, 'CLICKHOUSE_ANALYST_USER') ?? 'analyst',
    password: env['CLICKHOUSE_ANALYST_PASSWORD'] ?? '',
  };
  const cluster = nonEmpty(env, 'CLICKHOUSE_CLUSTER');
  if (cluster !== undefined && !/^[A-Za-z_][A-Za-z0-9_]*$/.test(cluster)) {
    throw new ConfigError(
      'CLICKHOUSE_CLUSTER',
      cluster,
      "must be a cluster name from the servers' remote_servers, letters, digits and _",
    );
  }
  return { kind: 'clickhouse', url, database: database!, analystUser, ...(cluster === undefined ? {} : { cluster }) };
}
