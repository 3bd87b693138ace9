import type { FactTable } from '../fact-table.js';
import { ACTIVITY_FACTS } from './activity.facts.js';
import { CONSULTANT_FACTS } from './consultant.facts.js';
import { KNOWLEDGE_FACTS } from './knowledge.facts.js';
import { OPPORTUNITY_FACTS } from './opportunity.facts.js';
import { ORGANISATION_FACTS } from './organisation.facts.js';
import { PDCA_FACTS } from './pdca.facts.js';
import { QUOTE_FACTS } from './quote.facts.js';
import { TENDER_FACTS } from './tender.facts.js';

/** Every fact table, one per domain event type. */
export const FACT_TABLES: readonly FactTable[] = [
  ...OPPORTUNITY_FACTS,
  ...TENDER_FACTS,
  ...QUOTE_FACTS,
  ...ACTIVITY_FACTS,
  ...CONSULTANT_FACTS,
  ...ORGANISATION_FACTS,
  ...KNOWLEDGE_FACTS,
  ...PDCA_FACTS,
];

export const FACT_TABLE_BY_EVENT_TYPE: ReadonlyMap<string, FactTable> = new Map(
  FACT_TABLES.map((fact) => [fact.eventType, fact]),
);
