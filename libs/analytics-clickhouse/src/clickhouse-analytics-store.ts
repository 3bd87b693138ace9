import { randomUUID } from 'node:crypto';
import { Readable } from 'node:stream';
import {
  ClickHouseLogLevel,
  createClient,
  type ClickHouseClient,
  type ClickHouseClientConfigOptions,
  type ClickHouseSettings,
} from '@clickhouse/client';
import {
  AnalyticsQueryError,
  engineErrorDetails,
  collectedInsert,
  ResourcePool,
  sqlIdentifier,
  sqlValue,
  toJsonEachRow,
  toAnalystResult,
  pageOf,
  type AnalyticsRow,
  type AnalyticsStore,
  type AnalystSession,
  type EngineCapabilities,
  type InsertOptions,
  type QueryPage,
  type ScratchSession,
  type ShardHealth,
  type TableInsert,
} from '@presales/analytics';
import { NodeFailover } from './node-failover.js';
import { parseNodeList, type ClickHouseNode } from './node-list.js';

export interface ClickHouseAnalyticsStoreOptions {
  /**
   * `http(s)://[user[:password]@]host:port[/database]`, or several, comma-separated
   * (CLICKHOUSE_URL): statements go to the first node that answers, and move on to the next
   * when it cannot be reached.
   */
  readonly url: string;
  /**
   * `CLICKHOUSE_CLUSTER`: the database is created on every node, and inserts into the Distributed
   * tables return once every row is on its shard (read-your-writes, decision 0028).
   */
  readonly cluster?: string;
  /** Overrides the URL's database. Created if missing. */
  readonly database?: string;
  readonly requestTimeoutMs?: number;
  /**
   * The ClickHouse user for analyst SQL, whose profile has readonly=1 and the limits
   * (infra/clickhouse/users.xml). Default: user `analyst` without a password.
   */
  readonly analystUser?: { readonly username: string; readonly password?: string };
}

/** Settings both 18.16 and current servers know, pinned instead of trusted (decision 7). */
const COMMON_SETTINGS: ClickHouseSettings = { output_format_json_quote_64bit_integers: 0 };

/**
 * Every SELECT of the product (KPI definitions among them, which are user SQL) runs read-only
 * and within limits (decision 0024). `readonly` comes last: the server applies the request's
 * settings in order, and after readonly=1 it refuses any change, the statement's SETTINGS too.
 */
const READ_SETTINGS: ClickHouseSettings = {
  max_execution_time: 120,
  max_memory_usage: '4000000000',
  max_result_rows: '1000000',
  result_overflow_mode: 'throw',
  readonly: '1',
};

/**
 * SELECTs this store has running at once; more wait here, in order (decision 0014). Four keep a
 * small server's cores busy through parsing and planning, which use one core each, and leave
 * the client's other sockets (10 by default) to inserts and commands, however many queries a
 * caller sends at once (maturity sends a few dozen).
 */
const CONCURRENT_QUERIES = 4;

/**
 * Settings of every statement on a cluster. Inserts return when the rows are on their shards, not
 * queued on the node that took them (`projected: true` means readable). `in_order` sends reads
 * and writes of a shard to the same replica, its first healthy one, so a read finds what the
 * write before it put there before replication has copied it to the others.
 */
const CLUSTER_SETTINGS: ClickHouseSettings = { insert_distributed_sync: 1, load_balancing: 'in_order' };

/**
 * A scratch session's statements (decision 0040): the read limits without readonly, which would
 * refuse its temporary tables, and logged in system.query_log (18.16 logs none by default), where
 * the maturity test counts each table's reads and an operator can find a request's statements.
 */
const SCRATCH_SETTINGS: ClickHouseSettings = {
  max_execution_time: 120,
  max_memory_usage: '4000000000',
  log_queries: 1,
};

/** First major version with insert_deduplication_token and non_replicated_deduplication_window. */
const DEDUPLICATION_TOKEN_SINCE_MAJOR = 22;

export class ClickHouseAnalyticsStore implements AnalyticsStore {
  readonly engine = 'clickhouse';

  static async open(options: ClickHouseAnalyticsStoreOptions): Promise<ClickHouseAnalyticsStore> {
    const nodes = parseNodeList(options.url);
    const database = sqlIdentifier(options.database ?? nodes[0].database ?? 'default');
    const settings = { ...COMMON_SETTINGS, ...(options.cluster === undefined ? {} : CLUSTER_SETTINGS) };
    const connectionOf = (node: ClickHouseNode) => ({
      url: node.origin,
      username: node.username,
      password: node.password,
      request_timeout: options.requestTimeoutMs ?? 30_000,
      clickhouse_settings: settings,
      // Errors reach the caller as AnalyticsQueryError; the client need not log them too.
      log: { level: ClickHouseLogLevel.OFF },
    });
    const createDatabase = `CREATE DATABASE IF NOT EXISTS ${database}${options.cluster === undefined ? '' : ` ON CLUSTER ${sqlIdentifier(options.cluster)}`}`;
    const bootstrap = new NodeFailover(nodes.map((node) => createClient(connectionOf(node))));
    try {
      await bootstrap.use((client) => client.command({ query: createDatabase }));
      const version = await bootstrap.use(serverVersionOf);
      const major = Number(version.split('.')[0]);
      const capabilities = {
        insertDeduplicationToken: major >= DEDUPLICATION_TOKEN_SINCE_MAJOR,
        concurrentQueries: CONCURRENT_QUERIES,
      };
      const analysts = nodes.map((node) => ({
        ...connectionOf(node),
        database,
        username: options.analystUser?.username ?? 'analyst',
        password: options.analystUser?.password ?? '',
      }));
      return new ClickHouseAnalyticsStore(
        new NodeFailover(nodes.map((node) => createClient({ ...connectionOf(node), database }))),
        capabilities,
        analysts,
        options.cluster,
        database,
      );
    } catch (error) {
      throw new AnalyticsQueryError(
        'clickhouse',
        createDatabase,
        `cannot reach ${nodes.map((node) => node.origin).join(' nor ')}: ${error instanceof Error ? error.message : String(error)}`,
      );
    } finally {
      await bootstrap.close();
    }
  }

  /** Slots for the SELECTs running at once; the client's sockets are shared by all statements. */
  private readonly querySlots: ResourcePool<number>;

  private constructor(
    private readonly clients: NodeFailover,
    readonly capabilities: EngineCapabilities,
    /** The analyst user's connection to each node, in the order of `clients`. */
    private readonly analystConnections: readonly ClickHouseClientConfigOptions[],
    cluster: string | undefined,
    /** The database of the tables, which scratch sessions name (ScratchSession.database). */
    private readonly database: string,
  ) {
    if (cluster !== undefined) this.shardHealth = () => this.askShards(cluster);
    let slots = 0;
    this.querySlots = new ResourcePool(
      { open: async () => (slots += 1), close: () => undefined },
      capabilities.concurrentQueries,
      'ClickHouse query slots',
    );
  }

  /**
   * A client logged in as the analyst user. A readonly=1 user may change no setting, so it sends
   * none (even HTTP compression stays off); limits come from the user's profile. The one
   * parameter is `wait_end_of_query`, which the HTTP handler reads itself (not a setting): the
   * answer is buffered, so a limit hit mid-result arrives as an HTTP error, not after a 200.
   */
  async openAnalystSession(): Promise<AnalystSession> {
    // One client per listed node, failing over as the store's own do, starting where they are.
    const clients = new NodeFailover(
      this.analystConnections.map((connection) =>
        createClient({
          ...connection,
          clickhouse_settings: { wait_end_of_query: 1 },
          compression: { request: false, response: false },
        }),
      ),
      this.clients.current,
    );
    return {
      // The text as given: 18.16 parses it itself (the gate's chDB text may use newer syntax),
      // as the analyst user, whose profile is read-only with limits.
      query: ({ text: sql }) =>
        this.guard(sql, async () => {
          const body = await clients.use(async (client) =>
            (await client.query({ query: sql, format: 'JSON' })).json<Record<string, unknown>>(),
          );
          return toAnalystResult({
            meta: body.meta ?? [],
            data: body.data,
            ...(body.statistics ? { statistics: body.statistics } : {}),
          });
        }),
      // 18.16 has no row format that names the columns' types line by line (JSONCompactEachRow
      // came later), so an export reads the answer whole, bounded by the analyst profile's row
      // limit, then hands it over row by row (decision 0030).
      stream: async ({ text: sql }) => {
        const result = await this.guard(sql, async () =>
          clients.use(async (client) => (await client.query({ query: sql, format: 'JSONCompact' })).json<unknown[]>()),
        );
        const columns = (result.meta ?? []).map(({ name, type }) => ({ name, type }));
        let cancelled = false;
        const rows = async function* () {
          for (const row of result.data) {
            if (cancelled) return;
            yield row;
          }
        };
        return {
          columns,
          rows: rows(),
          cancel: () => {
            cancelled = true;
          },
        };
      },
      close: () => clients.close(),
    };
  }

  async command(sql: string): Promise<void> {
    await this.guard(sql, () => this.clients.use((client) => client.command({ query: sql })));
  }

  async query<Row extends object>(sql: string): Promise<Row[]> {
    return this.querySlots.use(() =>
      this.guard(sql, async () =>
        this.clients.use(async (client) =>
          (await client.query({ query: sql, format: 'JSONEachRow', clickhouse_settings: READ_SETTINGS })).json<Row>(),
        ),
      ),
    );
  }

  /** The JSON format's own count of the rows before the LIMIT (18.16 counts what its sort took in). */
  async queryPage<Row extends object>(sql: string): Promise<QueryPage<Row>> {
    return this.querySlots.use(() =>
      this.guard(sql, async () =>
        this.clients.use(async (client) =>
          pageOf(
            await (await client.query({ query: sql, format: 'JSON', clickhouse_settings: READ_SETTINGS })).json<Row>(),
          ),
        ),
      ),
    );
  }

  /**
   * An HTTP session on one node (session_id): its temporary tables live there, so every
   * statement of `work` goes to that node. Should it become unreachable, `work` starts again
   * from the beginning on the next node, in a new session.
   */
  async withScratchSession<T>(work: (session: ScratchSession) => Promise<T>): Promise<T> {
    // The statement that failed first names the error, not the clean-up that may follow it.
    let failed: string | undefined;
    const noting = async <R>(sql: string, run: () => Promise<R>): Promise<R> => {
      try {
        return await run();
      } catch (error) {
        failed ??= sql;
        throw error;
      }
    };
    return this.guard(
      () => failed ?? '(a scratch session)',
      () =>
        this.clients.use(async (client) => {
          const session_id = `scratch-${randomUUID()}`;
          return work({
            database: this.database,
            command: (sql) =>
              noting(sql, async () => {
                await client.command({ query: sql, session_id, clickhouse_settings: SCRATCH_SETTINGS });
              }),
            query: <Row extends object>(sql: string) =>
              noting(sql, async () => {
                const result = await client.query({
                  query: sql,
                  format: 'JSONEachRow',
                  session_id,
                  clickhouse_settings: SCRATCH_SETTINGS,
                });
                return result.json<Row>();
              }),
          });
        }),
    );
  }

  async insert(table: string, rows: readonly AnalyticsRow[], options: InsertOptions = {}): Promise<void> {
    if (rows.length === 0) return;
    const settings: ClickHouseSettings =
      options.deduplicationToken !== undefined && this.capabilities.insertDeduplicationToken
        ? { insert_deduplication_token: options.deduplicationToken, async_insert: 0 }
        : {};
    // Our own JSONEachRow body, sent as-is, so decimals go over the wire digit for digit.
    const query = `INSERT INTO ${sqlIdentifier(table)} FORMAT JSONEachRow`;
    const body = toJsonEachRow(rows);
    // Sent again to the next node when one is unreachable: a replayed block only adds rows that
    // FINAL collapses (same key and version), as any replayed batch does.
    await this.guard(query, () =>
      this.clients.use(async (client) => {
        const result = await client.exec({ query, values: Readable.from([body]), clickhouse_settings: settings });
        result.stream.resume();
        await new Promise<void>((resolve, reject) => result.stream.once('end', resolve).once('error', reject));
      }),
    );
  }

  /** The server takes a table's rows whole, as one JSONEachRow body. */
  beginInsert(table: string): TableInsert {
    return collectedInsert((rows, options) => this.insert(table, rows, options));
  }

  /** Asks the server every time: health checks rely on this failing while it is down. */
  async serverVersion(): Promise<string> {
    return this.guard('SELECT version()', () => this.clients.use(serverVersionOf));
  }

  readonly shardHealth?: () => Promise<readonly ShardHealth[]>;

  /**
   * Every replica of the cluster as the node in use lists it, each asked through that node with a
   * one-row `remote()` read (what a Distributed query does), one by one so that one down does not
   * hide the others. Not under READ_SETTINGS: readonly=1 forbids table functions.
   */
  private async askShards(cluster: string): Promise<readonly ShardHealth[]> {
    const replicas = await this.clients.use(async (client) =>
      (
        await client.query({
          query: `SELECT shard_num, host_name, port FROM system.clusters WHERE cluster = ${sqlValue(cluster)} ORDER BY shard_num, replica_num`,
          format: 'JSONEachRow',
        })
      ).json<{ shard_num: number; host_name: string; port: number }>(),
    );
    const asked = await Promise.all(
      replicas.map(async ({ shard_num, host_name, port }) => {
        const address = `${host_name}:${port}`;
        try {
          await this.clients.use((client) =>
            client.command({ query: `SELECT 1 FROM remote(${sqlValue(address)}, system, one)` }),
          );
          return { shard: Number(shard_num), address, ok: true };
        } catch (error) {
          return {
            shard: Number(shard_num),
            address,
            ok: false,
            error: (error instanceof Error ? error.message : String(error)).split('\n')[0]!,
          };
        }
      }),
    );
    const shards = [...new Set(asked.map((replica) => replica.shard))];
    return shards.map((shard) => ({
      shard,
      replicas: asked.filter((replica) => replica.shard === shard).map(({ shard: _, ...replica }) => replica),
    }));
  }

  /** Waits for the queries running; refuses queries still waiting. */
  async close(): Promise<void> {
    await this.querySlots.close();
    await this.clients.close();
  }

  /** `sql` may be read once it failed: a session's statement is known only then. */
  private async guard<T>(sql: string | (() => string), run: () => Promise<T>): Promise<T> {
    try {
      return await run();
    } catch (error) {
      if (error instanceof AnalyticsQueryError) throw error;
      // The client moves a modern server's code and type out of the message: keep them.
      throw new AnalyticsQueryError(
        this.engine,
        typeof sql === 'string' ? sql : sql(),
        error instanceof Error ? error.message : String(error),
        engineErrorDetails(error),
      );
    }
  }
}

async function serverVersionOf(client: ClickHouseClient): Promise<string> {
  const rows = await (
    await client.query({ query: 'SELECT version() AS v', format: 'JSONEachRow' })
  ).json<{ v: string }>();
  return rows[0]?.v ?? '0';
}
