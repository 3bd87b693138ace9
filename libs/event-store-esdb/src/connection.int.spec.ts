import { createServer, type Server, type Socket } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { EventStoreUnreachableError, toClientConnectionString } from './connection.js';
import { EsdbEventStore } from './esdb-event-store.js';

describe('connection strings', () => {
  it('accepts KurrentDB schemes by mapping them to the ones client 6.2 parses', () => {
    expect(toClientConnectionString('kurrentdb://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
    expect(toClientConnectionString('kurrentdb+discover://a:2113,b:2113')).toBe('esdb+discover://a:2113,b:2113');
    expect(toClientConnectionString('esdb://localhost:2113')).toBe('esdb://localhost:2113');
    expect(toClientConnectionString('KurrentDB://localhost:2113?tls=false')).toBe('esdb://localhost:2113?tls=false');
    expect(toClientConnectionString('kdb://localhost:2113')).toBe('esdb://localhost:2113');
    expect(toClientConnectionString('kurrent+discover://a:2113')).toBe('esdb+discover://a:2113');
  });

  it('refuses throwOnAppendFailure=false, which would let a refused compare-and-set pass as written', async () => {
    expect(() => toClientConnectionString('esdb://localhost:2113?tls=false&throwOnAppendFailure=false')).toThrow(
      /throwOnAppendFailure/,
    );
    await expect(
      EsdbEventStore.connect({ url: 'esdb://127.0.0.1:1?throwOnAppendFailure=false', connectDeadlineMs: 500 }),
    ).rejects.toThrow(/throwOnAppendFailure/);
  });
});

describe('an unreachable server fails fast and says so', () => {
  // Accepts TCP connections and never answers: a firewall or a hung server, the slow case.
  let silent: Server;
  let silentPort: number;
  const sockets = new Set<Socket>();
  beforeAll(async () => {
    silent = createServer((socket) => sockets.add(socket));
    await new Promise<void>((done) => silent.listen(0, '127.0.0.1', done));
    silentPort = (silent.address() as { port: number }).port;
  });
  afterAll(async () => {
    for (const socket of sockets) socket.destroy();
    await new Promise<void>((done) => silent.close(() => done()));
  });

  it('refused connection', async () => {
    const started = Date.now();
    const attempt = EsdbEventStore.connect({ url: 'esdb://127.0.0.1:1?tls=false', connectDeadlineMs: 2000 });
    await expect(attempt).rejects.toBeInstanceOf(EventStoreUnreachableError);
    await expect(attempt).rejects.toThrow(
      /cannot reach EventStoreDB at esdb:\/\/127\.0\.0\.1:1\?tls=false: .*ECONNREFUSED 127\.0\.0\.1:1$/,
    );
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('a server that never answers', async () => {
    const started = Date.now();
    await expect(
      EsdbEventStore.connect({ url: `esdb://127.0.0.1:${silentPort}?tls=false`, connectDeadlineMs: 1500 }),
    ).rejects.toThrow(EventStoreUnreachableError);
    expect(Date.now() - started).toBeLessThan(4000);
  });

  it('a connection string the client cannot parse', async () => {
    await expect(EsdbEventStore.connect({ url: 'esdb://', connectDeadlineMs: 500 })).rejects.toThrow(
      EventStoreUnreachableError,
    );
  });
});
