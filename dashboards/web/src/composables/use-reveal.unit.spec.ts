import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { effectScope, nextTick, ref } from 'vue';
import { useReveal } from './use-reveal';

describe('useReveal: the rows below the fold, a few per task', () => {
  beforeEach(() => vi.useFakeTimers());
  afterEach(() => vi.useRealTimers());

  it('shows the first rows at once, then a step more in each following task, up to the total', async () => {
    const scope = effectScope();
    const painted = ref(false);
    const shown = scope.run(() => useReveal(painted, () => 28, 10, 6))!;
    vi.runOnlyPendingTimers();
    expect(shown.value).toBe(10);
    painted.value = true;
    await nextTick();
    const steps: number[] = [];
    while (vi.getTimerCount() > 0) {
      vi.runOnlyPendingTimers();
      steps.push(shown.value);
    }
    // One step per task, not all 18 in one: the browser runs other work between them.
    expect(steps).toEqual([16, 22, 28]);
    scope.stop();
  });

  it('reveals a list that grows later, as when a period with rows follows an empty one', async () => {
    const scope = effectScope();
    const painted = ref(true);
    const rows = ref(0);
    const shown = scope.run(() => useReveal(painted, () => rows.value, 10, 6))!;
    await nextTick();
    vi.runAllTimers();
    expect(shown.value).toBe(10);
    rows.value = 28;
    await nextTick();
    vi.runAllTimers();
    expect(shown.value).toBeGreaterThanOrEqual(28);
    scope.stop();
  });

  it('stops when its view goes away', async () => {
    const scope = effectScope();
    const painted = ref(true);
    const shown = scope.run(() => useReveal(painted, () => 28, 10, 6))!;
    await nextTick();
    scope.stop();
    vi.runAllTimers();
    expect(shown.value).toBe(10);
  });
});
