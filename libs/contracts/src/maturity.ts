/** Text a manager reads, in both languages. */
export interface MaturityText {
  readonly en: string;
  readonly zh: string;
}

export interface MaturityPracticeResult {
  readonly id: string;
  /** The meaning in English: `meaning.en`, kept for clients that read it. */
  readonly description: string;
  /** What the practice requires, as docs/maturity.md says it. */
  readonly meaning: MaturityText;
  /** What one unit of work is, and which of them fall in the window. */
  readonly unitsOfWork: MaturityText;
  /** `fails`: no units of work in the window is no evidence; `passes`: no exceptions to handle (decision 0023). */
  readonly whenNoUnits: 'fails' | 'passes';
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
