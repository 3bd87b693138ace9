/** One ClickHouse server the store may talk to, parsed from one entry of CLICKHOUSE_URL. */
export interface ClickHouseNode {
  /** `http(s)://host:port`, for the client. */
  readonly origin: string;
  readonly username: string;
  readonly password: string;
  /** The URL's path, or undefined when it names none. */
  readonly database: string | undefined;
}

/**
 * `http://a:8123/db` or several such URLs, comma-separated (`http://a:8123/db,http://b:8123/db`):
 * the nodes the store fails over between, in order. Every node must name the same database (or
 * none): a list mixing databases would read one and write another after a failover.
 */
export function parseNodeList(list: string): readonly [ClickHouseNode, ...ClickHouseNode[]] {
  const entries = list.split(',').map((entry) => entry.trim());
  if (entries.some((entry) => entry === ''))
    throw new RangeError(`"${list}": an empty entry in the list of ClickHouse URLs`);
  const nodes = entries.map((entry) => {
    let url: URL;
    try {
      url = new URL(entry);
    } catch {
      throw new RangeError(`"${entry}": not a URL such as http://host:8123/database`);
    }
    if (url.protocol !== 'http:' && url.protocol !== 'https:')
      throw new RangeError(`"${entry}": must use http: or https:`);
    const database = decodeURIComponent(url.pathname.replace(/^\//, '').replace(/\/$/, ''));
    return {
      origin: url.origin,
      username: decodeURIComponent(url.username) || 'default',
      password: decodeURIComponent(url.password),
      database: database === '' ? undefined : database,
    };
  });
  const databases = new Set(nodes.map((node) => node.database ?? 'default'));
  if (databases.size > 1)
    throw new RangeError(`"${list}": every node must name the same database, not ${[...databases].join(' and ')}`);
  return nodes as [ClickHouseNode, ...ClickHouseNode[]];
}

/**
 * Whether `error` says the node could not be reached or went away (refused, reset, timed out), so
 * the same statement may go to another node; an error the server answered (bad SQL, a shard
 * behind it down) is the statement's or the cluster's and would be the same elsewhere.
 */
export function isNodeUnreachable(error: unknown): boolean {
  const code = typeof error === 'object' && error !== null ? (error as { code?: unknown }).code : undefined;
  if (typeof code === 'string' && UNREACHABLE_CODES.has(code)) return true;
  const cause = typeof error === 'object' && error !== null ? (error as { cause?: unknown }).cause : undefined;
  if (cause !== undefined && cause !== error && isNodeUnreachable(cause)) return true;
  const message = error instanceof Error ? error.message : String(error);
  return /ECONNREFUSED|ECONNRESET|EHOSTUNREACH|ENETUNREACH|EPIPE|socket hang up|Timeout error/i.test(message);
}

const UNREACHABLE_CODES = new Set([
  'ECONNREFUSED',
  'ECONNRESET',
  'EHOSTUNREACH',
  'ENETUNREACH',
  'ETIMEDOUT',
  'EPIPE',
  'ENOTFOUND',
  'EAI_AGAIN',
  'UND_ERR_SOCKET',
]);
