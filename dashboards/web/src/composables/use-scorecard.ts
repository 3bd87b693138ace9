import type { ScorecardResponse } from '@presales/contracts';
import { api } from '../api/endpoints';
import type { GlobalState } from '../state/global-query';
import { useLoad, type Loaded } from './use-load';
import type { ComputedRef } from 'vue';

/** The scorecard of the global controls' period, scope, asOf and project type. */
export function useScorecard(state: ComputedRef<GlobalState>): Loaded<ScorecardResponse> {
  return useLoad(
    () => JSON.stringify(state.value),
    (signal) => api.scorecard(state.value, signal),
    () => state.value.asOf === null,
  );
}
