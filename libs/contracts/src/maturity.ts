export interface MaturityPracticeResult {
  readonly id: string;
  readonly description: string;
  readonly evidence: number;
  readonly units: number;
  readonly share: number | null;
  readonly threshold: number;
  readonly passed: boolean;
  readonly reason?: string;
  /** The units of work that fail the practice, the first 50 in id order: the drill-down. */
  readonly failingUnitIds: readonly string[];
}

export interface MaturityAreaResult {
  readonly area: string;
  readonly level: number;
  readonly name: string;
  readonly zh: string;
  readonly levels: readonly {
    readonly level: number;
    readonly name: string;
    readonly zh: string;
    readonly practicesPass: boolean;
    readonly satisfied: boolean;
    readonly practices: readonly MaturityPracticeResult[];
  }[];
}

/** GET /api/maturity and GET /api/maturity/:area */
export interface MaturityResponse {
  readonly asOf: string;
  readonly window: { readonly from: string; readonly to: string; readonly quarters: readonly string[] };
  readonly threshold: number;
  readonly areas: readonly MaturityAreaResult[];
}
