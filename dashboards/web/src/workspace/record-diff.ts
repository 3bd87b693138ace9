/** One value of a record's state that differs between two revisions ('' when absent). */
export interface StateChange {
  readonly path: string;
  readonly before: string;
  readonly after: string;
}

const SHOWN = 60;

function shown(value: unknown): string {
  const text = typeof value === 'string' ? value : JSON.stringify(value);
  return text.length > SHOWN ? `${text.slice(0, SHOWN - 1)}…` : text;
}

/** Leaves of a JSON value by dotted path; lists are compared whole, as one value. */
function leaves(value: unknown, prefix: string, out: Map<string, string>): Map<string, string> {
  if (value !== null && typeof value === 'object' && !Array.isArray(value)) {
    for (const [key, inner] of Object.entries(value)) leaves(inner, prefix === '' ? key : `${prefix}.${key}`, out);
  } else if (prefix !== '') {
    out.set(prefix, shown(value));
  }
  return out;
}

/**
 * What changed in a record between the state a form was filled on and the current one: the
 * conflict a 409 answers, explained in the record's own terms, most at `limit`.
 */
export function stateChanges(before: unknown, after: unknown, limit = 12): StateChange[] {
  const was = leaves(before, '', new Map());
  const now = leaves(after, '', new Map());
  const changes: StateChange[] = [];
  for (const path of new Set([...was.keys(), ...now.keys()])) {
    const a = was.get(path) ?? '';
    const b = now.get(path) ?? '';
    if (a !== b) changes.push({ path, before: a, after: b });
  }
  return changes.sort((x, y) => x.path.localeCompare(y.path)).slice(0, limit);
}
