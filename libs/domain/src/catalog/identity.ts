import type { DomainEventType } from './event-catalog.js';

/**
 * Event types whose data alone identify the fact, whoever recorded it and whenever: version 2 of
 * a KPI's definition with the same content is the same definition. Every platform publishes the
 * catalog's definitions on its first start, so an export of another store (the demo's, a backup)
 * holds the same version-1 definitions under other ids and actors; importing it must find them
 * already present, not refuse them as a second version 1.
 */
export const FACTS_IDENTIFIED_BY_DATA: ReadonlySet<DomainEventType> = new Set<DomainEventType>([
  'KpiDefinitionPublished',
]);

export function isIdentifiedByData(type: DomainEventType): boolean {
  return FACTS_IDENTIFIED_BY_DATA.has(type);
}
