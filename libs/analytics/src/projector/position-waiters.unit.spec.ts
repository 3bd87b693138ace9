import { describe, expect, it } from 'vitest';
import { PositionWaiters } from './position-waiters.js';

describe('PositionWaiters', () => {
  it('answers at once when the position is already reached', async () => {
    await expect(new PositionWaiters().wait(10n, 10n, 1_000)).resolves.toBe(true);
  });

  it('resolves a waiter once its position is reached, and only that one', async () => {
    const waiters = new PositionWaiters();
    const near = waiters.wait(0n, 5n, 1_000);
    const far = waiters.wait(0n, 50n, 30);
    waiters.reached(7n);
    await expect(near).resolves.toBe(true);
    await expect(far).resolves.toBe(false);
  });
});
