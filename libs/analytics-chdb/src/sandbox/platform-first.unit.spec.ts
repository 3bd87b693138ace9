import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { LINGER_MS, MAX_PAUSE_MS, PlatformFirst, RELIEF_MS } from './platform-first.js';

/** Work that ends when the test says so. */
function work(): { done: Promise<void>; end(): void } {
  let end!: () => void;
  const done = new Promise<void>((resolve) => (end = resolve));
  return { done, end };
}

describe('the platform first: analyst workers wait while the platform’s engine computes', () => {
  let heard: boolean[];
  let first: PlatformFirst;

  beforeEach(() => {
    vi.useFakeTimers();
    heard = [];
    first = new PlatformFirst(() => Date.now());
    first.subscribe((paused) => heard.push(paused));
  });
  afterEach(() => vi.useRealTimers());

  it('pauses at the first work, once for overlapping work, and resumes only after a quiet moment', async () => {
    const a = work();
    const b = work();
    const ranA = first.during(() => a.done);
    const ranB = first.during(() => b.done);
    expect(heard).toEqual([true]);
    a.end();
    await ranA;
    await vi.advanceTimersByTimeAsync(LINGER_MS * 2);
    expect(heard).toEqual([true]);
    b.end();
    await ranB;
    // The next statement of the same request, within the quiet moment: no resume in between.
    await vi.advanceTimersByTimeAsync(LINGER_MS - 5);
    const c = work();
    const ranC = first.during(() => c.done);
    c.end();
    await ranC;
    expect(heard).toEqual([true]);
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(heard).toEqual([true, false]);
    expect(first.paused).toBe(false);
  });

  it('resumes when the work fails too', async () => {
    await expect(first.during(() => Promise.reject(new Error('engine error')))).rejects.toThrow('engine error');
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(heard).toEqual([true, false]);
  });

  it('never keeps the workers waiting longer than a stretch: they get their turn, then wait again', async () => {
    const long = work();
    const ran = first.during(() => long.done);
    await vi.advanceTimersByTimeAsync(MAX_PAUSE_MS - 1);
    expect(heard).toEqual([true]);
    await vi.advanceTimersByTimeAsync(1);
    expect(heard).toEqual([true, false]);
    // Work that starts during the workers' turn does not cut it short.
    const other = work();
    const ranOther = first.during(() => other.done);
    expect(heard).toEqual([true, false]);
    await vi.advanceTimersByTimeAsync(RELIEF_MS);
    expect(heard).toEqual([true, false, true]);
    long.end();
    other.end();
    await Promise.all([ran, ranOther]);
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(heard).toEqual([true, false, true, false]);
  });

  it('answers the platform’s read and still resumes when a listener fails', async () => {
    first.subscribe(() => {
      throw new Error('the spawn server went away');
    });
    expect(await first.during(async () => 'read')).toBe('read');
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(heard).toEqual([true, false]);
    expect(first.paused).toBe(false);
  });

  it('tells a listener that arrives during a pause that it is one', async () => {
    const w = work();
    const ran = first.during(() => w.done);
    const late: boolean[] = [];
    first.subscribe((paused) => late.push(paused));
    expect(late).toEqual([true]);
    w.end();
    await ran;
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(late).toEqual([true, false]);
  });

  it('sums how long the workers waited, the pause under way included, and not the time they ran', async () => {
    expect(first.pausedMs()).toBe(0);
    const a = work();
    const ranA = first.during(() => a.done);
    await vi.advanceTimersByTimeAsync(300);
    expect(first.pausedMs()).toBe(300);
    a.end();
    await ranA;
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(heard).toEqual([true, false]);
    expect(first.pausedMs()).toBe(300 + LINGER_MS);
    // Running, the workers add nothing.
    await vi.advanceTimersByTimeAsync(1000);
    expect(first.pausedMs()).toBe(300 + LINGER_MS);
    const b = work();
    const ranB = first.during(() => b.done);
    await vi.advanceTimersByTimeAsync(200);
    expect(first.pausedMs()).toBe(500 + LINGER_MS);
    b.end();
    await ranB;
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(first.pausedMs()).toBe(500 + 2 * LINGER_MS);
  });

  it('counts a long stretch up to the workers’ turn, not the turn, then the next pause from its start', async () => {
    const long = work();
    const ran = first.during(() => long.done);
    await vi.advanceTimersByTimeAsync(MAX_PAUSE_MS);
    expect(heard).toEqual([true, false]);
    expect(first.pausedMs()).toBe(MAX_PAUSE_MS);
    await vi.advanceTimersByTimeAsync(RELIEF_MS - 1);
    expect(first.pausedMs()).toBe(MAX_PAUSE_MS);
    await vi.advanceTimersByTimeAsync(1);
    expect(heard).toEqual([true, false, true]);
    await vi.advanceTimersByTimeAsync(100);
    expect(first.pausedMs()).toBe(MAX_PAUSE_MS + 100);
    long.end();
    await ran;
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(heard).toEqual([true, false, true, false]);
    expect(first.pausedMs()).toBe(MAX_PAUSE_MS + 100 + LINGER_MS);
  });

  it('counts the pause as long as the workers were told to wait when the stretch’s timer runs late', async () => {
    let now = 0;
    const late = new PlatformFirst(() => now);
    const long = work();
    void late.during(() => long.done);
    // The event loop was busy: the stretch's timer runs 300 ms after its time.
    now = MAX_PAUSE_MS + 300;
    await vi.advanceTimersByTimeAsync(MAX_PAUSE_MS);
    expect(late.paused).toBe(false);
    expect(late.pausedMs()).toBe(MAX_PAUSE_MS + 300);
    long.end();
  });
});

describe('the platform first, when its timers run late (a busy event loop)', () => {
  afterEach(() => vi.useRealTimers());

  it('a pause that starts before the late end of the workers’ turn keeps its own stretch', async () => {
    vi.useFakeTimers();
    // The clock runs ahead of the timers by `lag`, as it does when the event loop is busy.
    let lag = 0;
    const first = new PlatformFirst(() => Date.now() + lag);
    const heard: boolean[] = [];
    first.subscribe((paused) => heard.push(paused));

    const long = work();
    const ranLong = first.during(() => long.done);
    await vi.advanceTimersByTimeAsync(MAX_PAUSE_MS);
    expect(heard).toEqual([true, false]);
    long.end();
    await ranLong;
    // The turn is over by the clock, but its timer has not run yet: new work pauses the workers.
    lag = RELIEF_MS;
    const next = work();
    const ranNext = first.during(() => next.done);
    expect(heard).toEqual([true, false, true]);
    lag = 0;
    await vi.advanceTimersByTimeAsync(RELIEF_MS);
    next.end();
    await ranNext;
    await vi.advanceTimersByTimeAsync(LINGER_MS);
    expect(heard).toEqual([true, false, true, false]);
    // No timer of that stretch is left to cut the next pause short or to open a turn no one asked for.
    await vi.advanceTimersByTimeAsync(MAX_PAUSE_MS * 2);
    expect(heard).toEqual([true, false, true, false]);
    const later = work();
    const ranLater = first.during(() => later.done);
    expect(heard).toEqual([true, false, true, false, true]);
    later.end();
    await ranLater;
    await vi.advanceTimersByTimeAsync(LINGER_MS);
  });
});
