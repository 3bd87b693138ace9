/** POST/GET /api/admin/rebuild */
export interface RebuildStatus {
  readonly state: 'idle' | 'running' | 'done' | 'failed';
  readonly projected: number;
  /** Events in the store when the rebuild started. */
  readonly total: number;
  readonly position: string;
  readonly elapsedMs: number;
  readonly error?: string;
}
