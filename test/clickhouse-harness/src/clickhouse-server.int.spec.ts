import { describe, expect, it } from 'vitest';
import { clickHouseSkipReason, startClickHouseServer } from './clickhouse-server.js';

const skipReason = clickHouseSkipReason('private ClickHouse server');

describe.skipIf(skipReason !== undefined)('private ClickHouse server', () => {
  it('starts on free ports with its own data dir, survives a pause, and stops', async () => {
    const server = await startClickHouseServer();
    try {
      const version = await (await fetch(`${server.url}/?query=${encodeURIComponent('SELECT version()')}`)).text();
      expect(version.trim()).toMatch(/^\d+\.\d+/);
      await fetch(`${server.url}/`, { method: 'POST', body: 'CREATE TABLE keep (x UInt8) ENGINE = TinyLog' });
      await server.pause();
      await expect(fetch(`${server.url}/ping`)).rejects.toThrow();
      await server.resume();
      expect(await (await fetch(`${server.url}/?query=${encodeURIComponent('EXISTS TABLE keep')}`)).text()).toBe('1\n');
    } finally {
      await server.stop();
    }
  });
});
