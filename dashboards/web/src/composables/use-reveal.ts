import { onScopeDispose, ref, watch, type Ref } from 'vue';

/**
 * How many of a list's items to render: `first` at once, then, once `more` holds, `step` more in
 * each following task until `total()`. Each task stays short, so the browser paints, answers a
 * click or a key, and runs other scripts between them, instead of waiting for one long task that
 * mounts every row below the fold (decision 0047).
 */
export function useReveal(more: Readonly<Ref<boolean>>, total: () => number, first: number, step: number): Ref<number> {
  const shown = ref(first);
  let task: ReturnType<typeof setTimeout> | undefined;
  const next = (): void => {
    if (task !== undefined || shown.value >= total()) return;
    task = setTimeout(() => {
      task = undefined;
      shown.value += step;
      next();
    });
  };
  // A longer list later (another period after an empty one) is revealed the same way.
  const stop = watch([more, total], ([go]) => go && next(), { immediate: true });
  onScopeDispose(() => {
    stop();
    clearTimeout(task);
  });
  return shown;
}
