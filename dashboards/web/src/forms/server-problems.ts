/** What the API answered a refused command with, as far as its fields are concerned (ApiError has it). */
export interface FieldRefusal {
  readonly code: string | undefined;
  readonly message: string;
  /** A 400's invalid fields: the path, and the rule broken in the API's words. */
  readonly issues: readonly { readonly path: string; readonly rule: string }[];
  /** A 422's fields the refused rule is about. */
  readonly fields: readonly string[];
}

type Translate = (key: string, values?: Record<string, unknown>) => string;

/**
 * The API's refusal by the field path it concerns, in the reader's language: each of a 400's
 * issues on its field (two on one field joined), a 422's rule on every field it names. The rule's
 * words are the server's, so a sentence in the reader's language frames them; "is required" is
 * the form's own "Required". Paths are the API's (`lines.0.quantity`), the same as the form's.
 */
export function serverFieldProblems(refusal: FieldRefusal, t: Translate): Record<string, string> {
  const out: Record<string, string> = {};
  const add = (path: string, message: string) =>
    (out[path] = out[path] === undefined ? message : `${out[path]}; ${message}`);
  for (const issue of refusal.issues)
    add(
      issue.path,
      issue.rule === 'is required'
        ? t('workspace.problems.required')
        : t('workspace.server.invalid', { rule: issue.rule }),
    );
  if (refusal.code === 'illegal_state')
    for (const path of refusal.fields) add(path, t('workspace.server.refused', { rule: refusal.message }));
  return out;
}
