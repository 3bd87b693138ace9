import { describe, expect, it } from 'vitest';
import { PausedTime } from './paused-time.js';

describe('the time the analyst workers have waited', () => {
  it('sums the pauses, counts the one under way, and hears a repeated word once', () => {
    let now = 0;
    const paused = new PausedTime(() => now);
    paused.set(true);
    now = 300;
    paused.set(true);
    now = 400;
    expect(paused.elapsed()).toBe(400);
    paused.set(false);
    now = 1000;
    paused.set(false);
    expect(paused.elapsed()).toBe(400);
    paused.set(true);
    now = 1250;
    expect(paused.elapsed()).toBe(650);
  });
});
