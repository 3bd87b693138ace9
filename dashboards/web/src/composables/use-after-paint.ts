import { onBeforeUnmount, ref, watch, type Ref, type WatchSource } from 'vue';

/** The user-timing mark set when the overview's first screen has been painted. */
export const FIRST_VIEW_PAINTED = 'presales:first-view-painted';

/**
 * Becomes true once the browser has painted the frame in which `ready` first became true: a
 * view shows what is on the first screen in that frame and the rest right after, so the
 * numbers a reader looks at first are not kept waiting by rows below the fold (decision 0047).
 * A frame callback runs just before the paint; a task queued from it runs just after.
 */
export function useAfterPaint(ready: WatchSource<boolean>): Readonly<Ref<boolean>> {
  const painted = ref(false);
  let frame = 0;
  let task: ReturnType<typeof setTimeout> | undefined;
  let scheduled = false;
  const stop = watch(
    ready,
    (isReady) => {
      if (!isReady || scheduled) return;
      scheduled = true;
      frame = requestAnimationFrame(() => {
        task = setTimeout(() => (painted.value = true));
      });
    },
    { immediate: true },
  );
  onBeforeUnmount(() => {
    stop();
    cancelAnimationFrame(frame);
    clearTimeout(task);
  });
  return painted;
}
