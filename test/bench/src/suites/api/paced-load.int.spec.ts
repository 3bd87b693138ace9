import { createServer, type Server } from 'node:http';
import type { AddressInfo } from 'node:net';
import { afterEach, describe, expect, it } from 'vitest';
import { median } from '../../measure.js';
import { pacedLoad } from './paced-load.js';

/**
 * A server that answers every request `holdMs` after it arrived, noting when each arrived; the
 * requests `unanswered` names (0 the first) it never answers.
 */
async function slowServer(
  holdMs: number,
  status = 201,
  unanswered: readonly number[] = [],
): Promise<{ url: URL; arrivals: number[]; server: Server }> {
  const arrivals: number[] = [];
  const server = createServer((request, response) => {
    const index = arrivals.push(performance.now()) - 1;
    request.resume();
    if (unanswered.includes(index)) return;
    request.on('end', () => setTimeout(() => response.writeHead(status).end('{}'), holdMs));
  });
  await new Promise<void>((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address() as AddressInfo;
  return { url: new URL(`http://127.0.0.1:${port}/api/opportunities`), arrivals, server };
}

let running: Server | undefined;
afterEach(async () => {
  await new Promise((closed) => running?.close(closed));
  running = undefined;
});

const load = { headers: { 'content-type': 'application/json' }, body: () => '{}', seconds: 1 };

describe('pacedLoad', () => {
  it('sends at an even pace whatever the answers do: answers held 60 ms do not hold back the next request', async () => {
    const { url, arrivals, server } = await slowServer(60);
    running = server;
    const result = await pacedLoad({ ...load, url, rate: 50, connections: 16 });
    expect(arrivals).toHaveLength(50);
    const gaps = arrivals.slice(1).map((at, index) => at - arrivals[index]!);
    // About 20 ms apart, not a burst of sends at the start of the second (a late timer on a busy
    // machine may send two close together, hence the median).
    expect(median(gaps)).toBeGreaterThan(15);
    expect(median(gaps)).toBeLessThan(25);
    expect(result.p50).toBeGreaterThanOrEqual(60);
    expect(result.p50).toBeLessThan(120);
    expect(result.refused).toBe(0);
  });

  it('counts a request from when it was due: with one socket and answers slower than the pace, the wait grows', async () => {
    const { url, server } = await slowServer(40);
    running = server;
    // 50 a second over one socket that serves 25 a second: the 50th request waits about a second.
    const result = await pacedLoad({ ...load, url, rate: 50, connections: 1 });
    expect(result.p99).toBeGreaterThan(700);
    expect(result.perSecond).toBeLessThan(30);
  });

  it('counts answers that are not 2xx as refused, not as latencies', async () => {
    const { url, server } = await slowServer(1, 503);
    running = server;
    await expect(pacedLoad({ ...load, url, rate: 20, connections: 4 })).rejects.toThrow(/no request was answered/);
  });

  it('counts a request never answered as refused once its socket has been silent too long, and finishes', async () => {
    const { url, server } = await slowServer(1, 201, [2]);
    running = server;
    const result = await pacedLoad({ ...load, url, rate: 20, connections: 4, answerTimeoutMs: 500 });
    expect(result.refused).toBe(1);
    expect(result.perSecond).toBeGreaterThan(0);
  });
});
