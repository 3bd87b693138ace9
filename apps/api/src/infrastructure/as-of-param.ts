import { ValidationError } from '@presales/domain';
import type { Clock } from './tokens.js';

/**
 * The moment a read is as of: now when not given. A later moment is refused, not answered with
 * what is recorded so far: events recorded before it can still arrive, so the same question
 * would get another answer later.
 */
export function asOfParam(value: string | undefined, clock: Clock, where: string): Date {
  const now = clock();
  if (value === undefined) return now;
  const asOf = new Date(value);
  if (asOf > now)
    throw new ValidationError(where, [
      {
        path: 'asOf',
        value,
        rule: `must be at or before now (${now.toISOString()}): a later moment can still gain events`,
      },
    ]);
  return asOf;
}

/** The asOf a read was given, checked as asOfParam does; undefined when none was: a live read. */
export function givenAsOfParam(value: string | undefined, clock: Clock, where: string): Date | undefined {
  return value === undefined ? undefined : asOfParam(value, clock, where);
}
