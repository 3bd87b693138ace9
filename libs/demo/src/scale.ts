/** `small` is what `npm start` loads into an empty store; `large` is for benchmarks and soak tests. */
export const SCALE_EVENTS = { small: 20_000, medium: 1_000_000, large: 10_000_000 } as const;
export type NamedScale = keyof typeof SCALE_EVENTS;

/** A scale as the CLI takes it: a name, or roughly how many events to generate. */
export type DemoScale = NamedScale | number;

/** Invalid `--scale`: names the value and what is allowed. */
export class DemoScaleError extends Error {
  constructor(value: string) {
    super(`scale = ${JSON.stringify(value)}: must be small, medium, large or a number of events (at least 1000)`);
    this.name = 'DemoScaleError';
  }
}

export function parseScale(text: string): DemoScale {
  if (Object.hasOwn(SCALE_EVENTS, text)) return text as NamedScale;
  const count = Number(text.replace(/_/g, ''));
  if (!Number.isSafeInteger(count) || count < 1000) throw new DemoScaleError(text);
  return count;
}

/**
 * Events one team generates over 24 months of history, measured on the generator itself (see
 * generate.unit.spec.ts, which keeps this honest): the organisation grows by teams to reach a scale.
 */
export const EVENTS_PER_TEAM = 6000;

export function teamsFor(scale: DemoScale): number {
  const events = typeof scale === 'number' ? scale : SCALE_EVENTS[scale];
  return Math.max(1, Math.round(events / EVENTS_PER_TEAM));
}
