export type HealthStatus = 'ok' | 'degraded';

/** GET /api/health — 200 when ok, 503 when degraded. */
export interface HealthResponse {
  readonly status: HealthStatus;
  readonly eventStore: { readonly engine: string; readonly ok: boolean; readonly headPosition?: string; readonly error?: string };
  readonly analyticsStore: {
    readonly engine: string;
    readonly ok: boolean;
    readonly version?: string;
    readonly error?: string;
    /** On a cluster: every shard and its replicas; a shard without a replica up makes the store not ok. */
    readonly shards?: readonly { readonly shard: number; readonly ok: boolean; readonly replicas: readonly { readonly address: string; readonly ok: boolean }[] }[];
  };
  readonly projector: {
    readonly state: string;
    readonly checkpoint: string;
    /** Events recorded but not yet in the analytics tables. */
    readonly lagEvents: number;
    /** How long the oldest unprojected event has waited. */
    readonly lagSeconds: number;
    readonly lastError?: string;
  };
}
