import type { SortState } from './result-order';

/** What the page asks the result's worker (result-worker.ts), each with an id its answer carries. */
export type ResultRequest =
  /** Parse a compact answer's bytes (transferred, not copied) and hold its rows in the engine's order. */
  | { readonly id: number; readonly kind: 'load'; readonly bytes: ArrayBuffer }
  /** Order the rows by one column, or back to the engine's order. */
  | { readonly id: number; readonly kind: 'sort'; readonly sort: SortState | null }
  /** The rows at positions [from, to) of the current order, as arrays. */
  | { readonly id: number; readonly kind: 'window'; readonly from: number; readonly to: number }
  /** The first `limit` rows in the engine's order, as objects by column name: what a chart draws. */
  | { readonly id: number; readonly kind: 'records'; readonly limit: number };

/** The answer's figures once parsed: everything but its rows, which stay in the worker. */
export interface ResultSummary {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rowCount: number;
  readonly rowsRead: number;
  readonly elapsedMs: number;
}

export type ResultReply =
  | { readonly id: number; readonly kind: 'loaded'; readonly summary: ResultSummary }
  | { readonly id: number; readonly kind: 'sorted' }
  | { readonly id: number; readonly kind: 'window'; readonly rows: readonly (readonly unknown[])[] }
  | { readonly id: number; readonly kind: 'records'; readonly rows: readonly Record<string, unknown>[] }
  | { readonly id: number; readonly kind: 'failed'; readonly message: string };
