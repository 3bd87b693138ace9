/**
 * Upcasters turn an event's stored payload of an old schemaVersion into the next version, so
 * the rest of the code only ever sees the current shape (DESIGN.md decision 4). Per event type,
 * `fromVersion → (data of fromVersion) → data of fromVersion + 1`.
 */
export type Upcaster = (data: unknown) => unknown;
export type Upcasters = Readonly<Record<string, Readonly<Record<number, Upcaster>>>>;
