import { serverFieldProblems } from '../forms/server-problems';
import type { ChainPart, PartOutcome } from './customer-exchange';

type Translate = (key: string, values?: Record<string, unknown>) => string;

/** Every part of a chain takes the form's "when it happened": its refusal belongs on that field. */
const FORM_WIDE: Readonly<Record<string, string>> = { occurredAt: 'occurredAt' };

/**
 * What the API said about the fields of a chain's refused part, on the form's fields they came
 * from (the part's `fieldPaths`): a requirement's category refused by CaptureRequirement shows on
 * that requirement's category, a date before the record began on "when it happened". A nested
 * path (`estimatedValue.amount`) goes where its first segment is shown. Paths the form has no
 * field for are left out: the part's message in the list of parts still says them.
 */
export function chainFieldProblems(
  parts: readonly ChainPart[],
  outcomes: ReadonlyMap<string, PartOutcome>,
  t: Translate,
): Record<string, string> {
  const failed = parts.find((part) => outcomes.get(part.key)?.status === 'failed');
  const outcome = failed === undefined ? undefined : outcomes.get(failed.key);
  if (failed === undefined || outcome?.status !== 'failed' || outcome.refusal === undefined) return {};
  const shown: Record<string, string> = {};
  for (const [path, message] of Object.entries(serverFieldProblems(outcome.refusal, t))) {
    const field = path.split('.')[0]!;
    const formPath = failed.fieldPaths?.[path] ?? failed.fieldPaths?.[field] ?? FORM_WIDE[field];
    if (formPath !== undefined)
      shown[formPath] = shown[formPath] === undefined ? message : `${shown[formPath]}; ${message}`;
  }
  return shown;
}
