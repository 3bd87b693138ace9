/** Do: a KPI's actual, or why it has none on this store. */
export type KpiActual = KpiValue | KpiFailure;

export interface KpiValue {
  /** null = no data (a zero denominator, no units for a mean or median). */
  readonly value: number | null;
  /** How many units (events, opportunities, consultant-weeks…) the value was computed from. */
  readonly units: number;
  /** The exact SQL that produced the value, for tracing. */
  readonly sql: string;
  readonly error?: undefined;
}

/** The KPI's SQL failed on this store (a version in force that no longer runs, a missing rate). */
export interface KpiFailure {
  readonly value: null;
  readonly units: 0;
  readonly sql: string;
  readonly error: string;
}
