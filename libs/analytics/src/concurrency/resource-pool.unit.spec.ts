import { describe, expect, it } from 'vitest';
import { ResourcePool } from './resource-pool.js';

/** Resources numbered as opened; `failures` opens fail first. */
function counted(failures = 0) {
  const log = { opened: 0, closed: [] as number[], failures };
  const resources = {
    open: async () => {
      if (log.failures > 0) {
        log.failures -= 1;
        throw new Error('cannot open');
      }
      log.opened += 1;
      return log.opened;
    },
    close: (resource: number) => void log.closed.push(resource),
  };
  return { log, resources };
}

const tick = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('ResourcePool', () => {
  it('lends at most `size` resources at once, opens them as needed and reuses them', async () => {
    const { log, resources } = counted();
    const pool = new ResourcePool(resources, 2, 'test pool');
    let inFlight = 0;
    let most = 0;
    const work = async (resource: number) => {
      inFlight += 1;
      most = Math.max(most, inFlight);
      await tick();
      inFlight -= 1;
      return resource;
    };
    const used = await Promise.all(Array.from({ length: 7 }, () => pool.use(work)));
    expect(most).toBe(2);
    expect(log.opened).toBe(2);
    expect(new Set(used)).toEqual(new Set([1, 2]));
  });

  it('gives a resource back when the work fails', async () => {
    const { resources } = counted();
    const pool = new ResourcePool(resources, 2, 'test pool');
    const failing = Array.from({ length: 2 }, () => pool.use(async () => Promise.reject(new Error('query failed'))));
    await expect(Promise.all(failing)).rejects.toThrow('query failed');
    await Promise.allSettled(failing);
    expect(await Promise.all([pool.use(async (r) => r), pool.use(async (r) => r)])).toHaveLength(2);
  });

  it('makes a failed open the error of its caller, and lets the next waiter open its own', async () => {
    const { log, resources } = counted(1);
    const pool = new ResourcePool(resources, 1, 'test pool');
    const [first, second] = await Promise.allSettled([pool.use(async (r) => r), pool.use(async (r) => r)]);
    expect(first).toEqual({ status: 'rejected', reason: new Error('cannot open') });
    expect(second).toEqual({ status: 'fulfilled', value: 1 });
    expect(log.opened).toBe(1);
  });

  it('on close refuses waiters and new callers, waits for what is lent and closes everything', async () => {
    const { log, resources } = counted();
    const pool = new ResourcePool(resources, 1, 'test pool');
    let finish: () => void = () => undefined;
    const running = pool.use(() => new Promise<string>((resolve) => (finish = () => resolve('done'))));
    await tick();
    const waiting = pool.use(async () => 'never');
    const closing = pool.close();
    await expect(waiting).rejects.toThrow('test pool: closed');
    await expect(pool.use(async () => 'late')).rejects.toThrow('test pool: closed');
    let closed = false;
    void closing.then(() => (closed = true));
    await tick();
    expect(closed).toBe(false);
    finish();
    expect(await running).toBe('done');
    await closing;
    expect(log.closed).toEqual([1]);
  });

  it('refuses a size that is not a positive integer, naming the pool', () => {
    expect(() => new ResourcePool(counted().resources, 0, 'chDB read sessions')).toThrow(
      'chDB read sessions: the pool size must be a positive integer, got 0',
    );
  });
});
