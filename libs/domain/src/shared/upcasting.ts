import { ValidationError } from './errors.js';

/**
 * Upcasters turn an event's stored payload of an old schemaVersion into the next version, so
 * the rest of the code only ever sees the current shape (DESIGN.md decision 4). Per event type,
 * `fromVersion → (data of fromVersion) → data of fromVersion + 1`.
 */
export type Upcaster = (data: unknown) => unknown;
export type Upcasters = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;

/**
 * `data` of `type` at `fromVersion`, brought to `currentVersion` one step at a time. A version
 * that is not a whole number ≥ 1, or newer than this build knows, is a ValidationError naming it.
 */
export function upcastPayload(
  upcasters: Upcasters,
  type: string,
  fromVersion: number,
  currentVersion: number,
  data: unknown,
  where: string,
): unknown {
  const issue = (rule: string) =>
    new ValidationError(`${where} ${type}`, [{ path: 'schemaVersion', value: fromVersion, rule }]);
  if (!Number.isInteger(fromVersion) || fromVersion < 1) throw issue('must be a whole number ≥ 1');
  if (fromVersion > currentVersion)
    throw issue(`must be at most ${currentVersion}: this build knows ${type} up to schemaVersion ${currentVersion}`);
  let payload = data;
  for (let version = fromVersion; version < currentVersion; version += 1) {
    const upcast = upcasters[type]?.[version];
    // A schemaVersion bump without its upcaster is a bug in this library, not bad input.
    if (upcast === undefined)
      throw new Error(`no upcaster for ${type} from schemaVersion ${version} to ${version + 1}`);
    payload = upcast(payload);
  }
  return payload;
}
