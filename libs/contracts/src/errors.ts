/** Body of every 4xx/5xx response. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: 'validation' | 'not_found' | 'illegal_state' | 'concurrency' | 'forbidden' | 'sql_rejected' | 'too_many_queries' | 'payload_too_large' | 'internal';
    readonly message: string;
    readonly issues?: readonly { readonly path: string; readonly value: unknown; readonly rule: string }[];
  };
}
