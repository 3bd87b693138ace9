/** Body of every 4xx/5xx response. */
export interface ApiErrorBody {
  readonly error: {
    readonly code: 'validation' | 'unauthorized' | 'forbidden' | 'not_found' | 'illegal_state' | 'concurrency' | 'payload_too_large' | 'rate_limited' | 'too_many_queries' | 'sql_rejected' | 'rebuilding' | 'projecting' | 'analytics_unavailable' | 'internal';
    readonly message: string;
    readonly issues?: readonly { readonly path: string; readonly value: unknown; readonly rule: string }[];
  };
}
