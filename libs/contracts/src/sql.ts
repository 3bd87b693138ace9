/** POST /api/sql `{ sql }` — one read-only statement over the analytics tables. */
export interface SqlResponse {
  readonly columns: readonly { readonly name: string; readonly type: string }[];
  readonly rows: readonly Record<string, unknown>[];
  readonly rowCount: number;
  readonly rowsRead: number;
  readonly elapsedMs: number;
}

/** A text in both of the product's languages. */
export interface BilingualText {
  readonly en: string;
  readonly 'zh-CN': string;
}

/** GET /api/sql/schema — what an analyst may read, said in both languages. */
export interface SqlSchemaResponse {
  readonly tables: readonly SqlSchemaTable[];
  readonly examples: readonly { readonly id: string; readonly title: BilingualText; readonly sql: string }[];
}

export interface SqlSchemaTable {
  readonly name: string;
  readonly meaning: BilingualText;
  /** The sorting key: what a WHERE or ORDER BY reads fastest. */
  readonly orderBy: readonly string[];
  /** Rows in the table (before FINAL collapses replays). */
  readonly rows: number;
  readonly columns: readonly SqlSchemaColumn[];
}

export interface SqlSchemaColumn {
  readonly name: string;
  readonly type: string;
  readonly meaning: BilingualText;
  /** A few distinct values from the table's first rows, as text (long ones cut), empty when the table is. */
  readonly samples: readonly string[];
}
