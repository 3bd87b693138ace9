/** POST /api/sql `{ sql }` — one read-only statement over the analytics tables. */
export interface SqlResponse {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly Record<string, unknown>[];
  readonly rowCount: number;
  readonly rowsRead: number;
  readonly elapsedMs: number;
}
