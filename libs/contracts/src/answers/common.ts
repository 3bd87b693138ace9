import { z } from 'zod';

/** Revisions and positions travel as decimal strings: they are 64-bit in the store. */
export const Decimal64 = z
  .string()
  .regex(/^\d+$/)
  .meta({ description: 'a 64-bit count as a decimal string', examples: ['42'] });

/** ISO-8601 UTC time, as every answer writes it. */
export const UtcTime = z.string().meta({ format: 'date-time', examples: ['2026-03-01T09:30:00.000Z'] });

/** A text in English and Chinese, as the KPI catalog and maturity model name things. */
export const EnZh = z.object({ en: z.string(), zh: z.string() });
