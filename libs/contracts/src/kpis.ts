/** GET /api/kpis/tenders-received */
export interface TendersReceivedResponse {
  readonly metric: 'tenders_received';
  readonly grain: 'month';
  /** Only events recorded at or before this time count; null = now. */
  readonly asOf: string | null;
  readonly points: readonly { readonly period: string; readonly tenders: number }[];
  readonly total: number;
  /** How to trace every number back: the SQL that produced it and where the events are. */
  readonly trace: { readonly sql: string; readonly events: string };
}
