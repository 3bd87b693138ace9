import { shallowRef } from 'vue';
import { api } from '../api/endpoints';
import { scopeListSql } from '../queries/analyst-sql';

export interface ScopeChoice {
  readonly kind: 'team' | 'consultant' | 'product_line';
  readonly id: string;
  readonly name: string;
}

/** The teams, consultants and product lines on the record: loaded once per session, shared by every picker. */
export const scopeChoices = shallowRef<readonly ScopeChoice[] | null>(null);
export const scopeChoicesError = shallowRef<Error | null>(null);
let loading: Promise<void> | null = null;

export function loadScopeChoices(): Promise<void> {
  loading ??= api.sql(scopeListSql(Date.now())).then(
    (answer) => void (scopeChoices.value = answer.rows as unknown as ScopeChoice[]),
    (error: Error) => {
      scopeChoicesError.value = error;
      loading = null;
    },
  );
  return loading;
}

/** A scope's name for people: the team's or consultant's name, else its id. */
export function scopeName(scope: string, choices: readonly ScopeChoice[] | null): string {
  const [kind, id] = scope.split(':');
  return choices?.find((c) => c.kind === kind && c.id === id)?.name ?? id ?? scope;
}
