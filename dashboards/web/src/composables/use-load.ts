import { onBeforeUnmount, ref, shallowRef, watch, type Ref, type ShallowRef } from 'vue';
import { liveTick } from '../live/live';

export interface Loaded<T> {
  readonly data: ShallowRef<T | null>;
  readonly error: ShallowRef<Error | null>;
  readonly loading: Ref<boolean>;
  readonly reload: () => void;
}

/**
 * Loads `load()` whenever `key()` changes, and again on each live tick while `live()` holds (a view
 * as of a past moment cannot change). A newer load aborts the older one, so a slow answer never
 * overwrites a newer question's. A live reload keeps the figures on screen until the new ones land.
 */
export function useLoad<T>(
  key: () => string | null,
  load: (signal: AbortSignal) => Promise<T>,
  live: () => boolean = () => true,
): Loaded<T> {
  const data = shallowRef<T | null>(null);
  const error = shallowRef<Error | null>(null);
  const loading = ref(false);
  let controller: AbortController | null = null;

  const run = (quiet: boolean) => {
    controller?.abort();
    if (key() === null) return;
    const current = new AbortController();
    controller = current;
    if (!quiet) {
      loading.value = true;
      data.value = null;
    }
    error.value = null;
    load(current.signal).then(
      (value) => {
        if (current.signal.aborted) return;
        data.value = value;
        loading.value = false;
      },
      (failure: unknown) => {
        if (current.signal.aborted) return;
        error.value = failure instanceof Error ? failure : new Error(String(failure));
        loading.value = false;
      },
    );
  };

  watch(key, () => run(false), { immediate: true });
  watch(liveTick, () => {
    if (live()) run(true);
  });
  onBeforeUnmount(() => controller?.abort());
  return { data, error, loading, reload: () => run(false) };
}
