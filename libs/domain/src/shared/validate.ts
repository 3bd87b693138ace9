import type { z } from 'zod';
import { ValidationError, type FieldIssue } from './errors.js';

/**
 * Parse `input` with `schema`, or throw a ValidationError naming each field, its value and
 * the rule it broke. `subject` says what was being validated, e.g. `ReceiveTender`.
 */
export function validate<S extends z.ZodType>(schema: S, input: unknown, subject: string): z.output<S> {
  const result = schema.safeParse(input);
  if (result.success) return result.data;
  const issues: FieldIssue[] = result.error.issues.map((issue) => ({
    path: issue.path.length > 0 ? issue.path.join('.') : '(root)',
    value: valueAt(input, issue.path),
    rule: valueAt(input, issue.path) === undefined && issue.code === 'invalid_type' ? 'is required' : issue.message,
  }));
  throw new ValidationError(subject, issues);
}

function valueAt(input: unknown, path: readonly PropertyKey[]): unknown {
  let current: unknown = input;
  for (const key of path) {
    if (current === null || typeof current !== 'object') return undefined;
    current = (current as Record<PropertyKey, unknown>)[key];
  }
  return current;
}
