import type { JsonValue } from './plain-json.js';

/**
 * Every leaf of a JSON value by path: `state.revisions[1].approval`. Objects in an array that
 * carry an id key (`lineId`) are addressed by it, `lines[lineId=L-2].unitPrice`, so a line that
 * moved in the list is not reported as changed. Arrays of plain values and empty containers
 * are leaves: `memberIds` changes as a whole.
 */
export function leavesByPath(
  value: JsonValue,
  path: string,
  skip: (path: string) => boolean = () => false,
  into = new Map<string, JsonValue>(),
): Map<string, JsonValue> {
  if (skip(path)) return into;
  if (
    value === null ||
    typeof value !== 'object' ||
    isEmpty(value) ||
    (Array.isArray(value) && value.every((item) => item === null || typeof item !== 'object'))
  ) {
    into.set(path, value);
    return into;
  }
  if (Array.isArray(value)) {
    value.forEach((item: JsonValue, index: number) =>
      leavesByPath(item, `${path}[${keyOf(item) ?? index}]`, skip, into),
    );
    return into;
  }
  for (const [key, member] of Object.entries(value as Record<string, JsonValue>))
    leavesByPath(member, `${path}.${key}`, skip, into);
  return into;
}

const ID_KEYS = ['lineId', 'sectionId', 'requirementId', 'assignmentId'] as const;

function keyOf(item: JsonValue): string | undefined {
  if (item === null || typeof item !== 'object' || Array.isArray(item)) return undefined;
  const record = item as Record<string, JsonValue>;
  const key = ID_KEYS.find((name) => typeof record[name] === 'string');
  return key === undefined ? undefined : `${key}=${record[key] as string}`;
}

function isEmpty(value: object): boolean {
  return Array.isArray(value) ? value.length === 0 : Object.keys(value).length === 0;
}

export interface LeafChanges {
  readonly added: readonly { readonly path: string; readonly value: JsonValue }[];
  readonly changed: readonly { readonly path: string; readonly from: JsonValue; readonly to: JsonValue }[];
  readonly removed: readonly { readonly path: string; readonly value: JsonValue }[];
}

/**
 * Leaves present only after (added), only before (removed), or in both with other JSON
 * (changed). An empty container or a null that gains members is not also reported as removed:
 * its new members say what happened (and the other way round).
 */
export function compareLeaves(
  before: ReadonlyMap<string, JsonValue>,
  after: ReadonlyMap<string, JsonValue>,
): LeafChanges {
  const added: { path: string; value: JsonValue }[] = [];
  const changed: { path: string; from: JsonValue; to: JsonValue }[] = [];
  const removed: { path: string; value: JsonValue }[] = [];
  for (const [path, value] of after) {
    if (!before.has(path)) {
      if (!hasMembersUnder(before, path)) added.push({ path, value });
    } else if (JSON.stringify(before.get(path)) !== JSON.stringify(value))
      changed.push({ path, from: before.get(path)!, to: value });
  }
  for (const [path, value] of before)
    if (!after.has(path) && !hasMembersUnder(after, path)) removed.push({ path, value });
  return { added, changed, removed };
}

function hasMembersUnder(leaves: ReadonlyMap<string, JsonValue>, path: string): boolean {
  for (const other of leaves.keys()) if (other.startsWith(`${path}.`) || other.startsWith(`${path}[`)) return true;
  return false;
}
