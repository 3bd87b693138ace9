import { describe, expect, it } from 'vitest';
import { ConfigError, parseConfig } from './app-config.js';

describe('parseConfig', () => {
  it('defaults to the embedded engines under ./.data', () => {
    expect(parseConfig({}, '/srv/app')).toEqual({
      host: '127.0.0.1',
      port: 3000,
      dataDir: '/srv/app/.data',
      eventStore: { kind: 'sqlite', file: '/srv/app/.data/events.sqlite', durability: 'full' },
      analytics: { kind: 'chdb', path: '/srv/app/.data/clickhouse' },
      projector: 'embedded',
      keptKpiValues: false,
    });
  });

  it('keeps KPI values per period with KEPT_KPI_VALUES=on, and names a value it does not know', () => {
    expect(parseConfig({ KEPT_KPI_VALUES: 'off' }).keptKpiValues).toBe(false);
    expect(parseConfig({ KEPT_KPI_VALUES: ' on ' }).keptKpiValues).toBe(true);
    expect(() => parseConfig({ KEPT_KPI_VALUES: 'yes' })).toThrow('KEPT_KPI_VALUES="yes": must be on or off');
  });

  it('takes a scrape token for /metrics, and none by default', () => {
    expect(parseConfig({}).metricsToken).toBeUndefined();
    expect(parseConfig({ METRICS_TOKEN: ' 0123456789abcdef01234567 ' }).metricsToken).toBe('0123456789abcdef01234567');
  });

  it('runs without a projector when PROJECTOR=off', () => {
    expect(parseConfig({ PROJECTOR: 'off', CLICKHOUSE_URL: 'http://h:8123' }).projector).toBe('off');
  });

  it('switches to the servers when their URLs are set', () => {
    const config = parseConfig(
      {
        EVENTSTORE_URL: 'esdb://localhost:2113?tls=false',
        CLICKHOUSE_URL: 'http://default@127.0.0.1:8123/presales',
        DATA_DIR: '/d',
        PORT: '8080',
      },
      '/',
    );
    expect(config.eventStore).toEqual({ kind: 'eventstoredb', url: 'esdb://localhost:2113?tls=false' });
    expect(config.analytics).toEqual({
      kind: 'clickhouse',
      url: 'http://default@127.0.0.1:8123/presales',
      database: 'presales',
      analystUser: { username: 'analyst', password: '' },
    });
    const custom = parseConfig({
      CLICKHOUSE_URL: 'http://h:8123',
      CLICKHOUSE_ANALYST_USER: 'bi',
      CLICKHOUSE_ANALYST_PASSWORD: 's3cret',
    });
    expect(custom.analytics).toMatchObject({ analystUser: { username: 'bi', password: 's3cret' } });
    expect(
      parseConfig({ CLICKHOUSE_URL: 'http://h:8123/presales', CLICKHOUSE_CLUSTER: 'presales' }).analytics,
    ).toMatchObject({ cluster: 'presales' });
    expect(config.port).toBe(8080);
  });

  it('takes several ClickHouse nodes, comma-separated, that name one database', () => {
    const list = 'http://ch-1:8123/presales, http://ch-2:8123/presales';
    expect(parseConfig({ CLICKHOUSE_URL: list, CLICKHOUSE_CLUSTER: 'presales' }).analytics).toMatchObject({
      url: list,
      database: 'presales',
      cluster: 'presales',
    });
    expect(parseConfig({ CLICKHOUSE_URL: 'http://a:8123,http://b:8123' }).analytics).toMatchObject({
      database: 'default',
    });
  });

  it.each(['esdb://a:2113,b:2113,c:2113?tls=false', 'KurrentDB+discover://cluster.local:2113', 'kdb://localhost:2113'])(
    'accepts the EventStoreDB connection string %s',
    (url) => {
      expect(parseConfig({ EVENTSTORE_URL: url }, '/').eventStore).toEqual({ kind: 'eventstoredb', url });
    },
  );

  it.each([
    [{ PORT: 'eighty' }, /^PORT="eighty": must be an integer/],
    [{ PORT: '70000' }, /^PORT="70000"/],
    [{ CLICKHOUSE_URL: 'localhost:8123' }, /^CLICKHOUSE_URL="localhost:8123": must use http: or https:/],
    [{ CLICKHOUSE_URL: 'not a url' }, /^CLICKHOUSE_URL="not a url": must be a URL/],
    [
      { CLICKHOUSE_URL: 'http://a:8123/x,http://b:8123/y' },
      /^CLICKHOUSE_URL="http:\/\/a:8123\/x,http:\/\/b:8123\/y": every node must name the same database, not x and y/,
    ],
    [{ CLICKHOUSE_URL: 'http://a:8123/x,' }, /^CLICKHOUSE_URL="": must be a URL/],
    [{ EVENTSTORE_URL: 'http://localhost:2113' }, /^EVENTSTORE_URL=.*must use esdb:/],
    [{ EVENTSTORE_URL: 'esdb://' }, /^EVENTSTORE_URL=.*must use esdb:/],
    [
      { CLICKHOUSE_URL: 'http://h:8123', CLICKHOUSE_CLUSTER: 'my cluster' },
      /^CLICKHOUSE_CLUSTER="my cluster": must be a cluster name/,
    ],
    [{ CLICKHOUSE_CLUSTER: 'presales' }, /^CLICKHOUSE_CLUSTER="presales": needs CLICKHOUSE_URL/],
    [{ EVENTSTORE_DURABILITY: 'maybe' }, /^EVENTSTORE_DURABILITY="maybe": must be full or normal/],
    [{ PROJECTOR: 'remote' }, /^PROJECTOR="remote": must be embedded or off/],
    [{ PROJECTOR: 'off' }, /^PROJECTOR="off": needs CLICKHOUSE_URL/],
    [{ METRICS_TOKEN: 'short' }, /^METRICS_TOKEN="\(hidden\)": must be at least 24 characters/],
  ])('rejects %j naming the variable', (env, message) => {
    expect(() => parseConfig(env)).toThrow(ConfigError);
    expect(() => parseConfig(env)).toThrow(message);
  });
});
