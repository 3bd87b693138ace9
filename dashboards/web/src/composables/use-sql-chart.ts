import type { ComputedRef } from 'vue';
import { api } from '../api/endpoints';
import { sqlWindow, type SqlWindow } from '../queries/analyst-sql';
import type { GlobalState } from '../state/global-query';
import { useLoad, type Loaded } from './use-load';

/** One analyst-SQL statement for one chart, over the global controls' period, scope and asOf. */
export function useSqlChart<Row>(
  state: ComputedRef<GlobalState>,
  sql: (scope: string, window: SqlWindow) => string,
): Loaded<{ rows: Row[]; sql: string }> {
  return useLoad(
    () => JSON.stringify([state.value.period, state.value.scope, state.value.asOf]),
    async (signal) => {
      const statement = sql(state.value.scope, sqlWindow(state.value.period, state.value.asOf, new Date()));
      const answer = await api.sql(statement, signal);
      return { rows: answer.rows as unknown as Row[], sql: statement };
    },
    () => state.value.asOf === null,
  );
}
