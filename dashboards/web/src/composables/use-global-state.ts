import { computed, type ComputedRef } from 'vue';
import { useRoute, useRouter } from 'vue-router';
import { globalQuery, parseGlobalState, type GlobalState } from '../state/global-query';

/** The shared controls, read from and written to the URL (push: back and forward step through them). */
export function useGlobalState(): { state: ComputedRef<GlobalState>; update: (change: Partial<GlobalState>) => void } {
  const route = useRoute();
  const router = useRouter();
  const state = computed(() => parseGlobalState(route.query, new Date()));
  const update = (change: Partial<GlobalState>) => {
    const next = { ...state.value, ...change };
    const others = Object.fromEntries(
      Object.entries(route.query).filter(([key]) => !['period', 'scope', 'asOf', 'projectType'].includes(key)),
    );
    void router.push({ query: { ...others, ...globalQuery(next, new Date()) } });
  };
  return { state, update };
}

/** One query parameter of the current view (a filter, a chosen KPI), in the URL too. */
export function useQueryParam(name: string): {
  value: ComputedRef<string | null>;
  set: (value: string | null) => void;
} {
  const route = useRoute();
  const router = useRouter();
  const value = computed(() => {
    const raw = route.query[name];
    return typeof raw === 'string' && raw !== '' ? raw : null;
  });
  const set = (next: string | null) => {
    const query = { ...route.query };
    if (next === null) delete query[name];
    else query[name] = next;
    void router.push({ query });
  };
  return { value, set };
}
