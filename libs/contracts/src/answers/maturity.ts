import { z } from 'zod';
import { UtcTime } from './common.js';

/** Text a manager reads, in both languages. */
export const MaturityText = z.object({ en: z.string(), zh: z.string() });

export const MaturityPracticeResult = z.object({
  id: z.string(),
  level: z.number().int().min(2).max(5).meta({ description: 'the maturity level the practice belongs to' }),
  description: z.string().meta({ description: 'the meaning in English: `meaning.en`, kept for clients that read it' }),
  meaning: MaturityText.meta({ description: 'what the practice requires, as docs/maturity.md says it' }),
  unitsOfWork: MaturityText.meta({ description: 'what one unit of work is, and which of them fall in the window' }),
  whenNoUnits: z.enum(['fails', 'passes']).meta({
    description:
      '`fails`: no units of work in the window is no evidence; `passes`: no exceptions to handle (decision 0023)',
  }),
  evidence: z.number(),
  units: z.number(),
  share: z.number().nullable(),
  threshold: z.number(),
  passed: z.boolean(),
  reason: z.string().optional(),
  failingUnitIds: z
    .array(z.string())
    .meta({ description: 'the units of work that fail the practice, the first 50 in id order: the drill-down' }),
});

export const MaturityAreaResult = z.object({
  area: z.string(),
  level: z.number(),
  name: z.string(),
  zh: z.string(),
  levels: z.array(
    z.object({
      level: z.number(),
      name: z.string(),
      zh: z.string(),
      practicesPass: z.boolean(),
      satisfied: z.boolean(),
      practices: z.array(MaturityPracticeResult),
    }),
  ),
});

/** GET /api/maturity and GET /api/maturity/:area */
export const MaturityResponse = z.object({
  asOf: UtcTime,
  window: z.object({ from: z.string(), to: z.string(), quarters: z.array(z.string()) }),
  threshold: z.number(),
  areas: z.array(MaturityAreaResult),
});
