import { describe, expect, it } from 'vitest';
import { AnalystAdmission, TooManyAnalystQueriesError } from './analyst-admission.js';

const held = () => {
  let release!: () => void;
  const done = new Promise<void>((resolve) => (release = resolve));
  return { done, release };
};

describe('AnalystAdmission', () => {
  it('refuses a caller over its own limit and everyone over the total, with when to retry', async () => {
    const admission = new AnalystAdmission({ perCaller: 1, total: 2 });
    const first = held();
    const running = admission.run('ann', () => first.done);
    const ann = await admission.run('ann', async () => 'ran').catch((error: unknown) => error);
    expect(ann).toBeInstanceOf(TooManyAnalystQueriesError);
    expect(ann).toMatchObject({ limit: 'caller', running: 1, retryAfterSeconds: 1 });
    const second = held();
    const bob = admission.run('bob', () => second.done);
    const carl = await admission.run('carl', async () => 'ran').catch((error: unknown) => error);
    expect(carl).toMatchObject({ limit: 'total', running: 2 });
    first.release();
    second.release();
    await Promise.all([running, bob]);
    expect(await admission.run('ann', async () => 'ran')).toBe('ran');
  });

  it('frees the slot of a query that failed', async () => {
    const admission = new AnalystAdmission({ perCaller: 1, total: 1 });
    await expect(admission.run('ann', () => Promise.reject(new Error('boom')))).rejects.toThrow('boom');
    expect(await admission.run('ann', async () => 'ran')).toBe('ran');
  });

  it('refuses limits that are not positive integers', () => {
    expect(() => new AnalystAdmission({ perCaller: 0, total: 1 })).toThrow(
      'perCaller must be a positive integer, got 0',
    );
  });
});
