import type { z } from 'zod';
import { KpiDefinition, KpiProjectTypeOverride } from '../kpi/kpi.definition.js';
import { KpiId, KpiPeriod, KpiScope } from '../kpi/kpi.scope.js';
import { DECIMAL_SCALE } from '../money/decimal.js';
import { QuoteRevisionNumber } from '../quote/quote.events.js';
import { QuoteLineSchema } from '../quote/quote.line.js';
import { ACTOR_ROLES } from '../shared/message.js';
import {
  AllocationPct,
  CurrencyCodeSchema,
  Days,
  DecimalString,
  EntityId,
  Hours,
  HoursOrZero,
  IsoDate,
  IsoUtcTime,
  LongText,
  MoneySchema,
  NonEmptyText,
  NonNegativeDecimal,
  PercentDecimal,
  PositiveDecimal,
  SkillName,
  Version,
} from '../shared/primitives.js';
import { AGGREGATES, type AggregateEntry } from './aggregates.js';
import { UPCASTERS } from './event-catalog.js';
import { fieldRows, fieldTable, jsonSchemaOf, type JsonSchema } from './json-schema-fields.js';

/** Shared types, shown by name in the tables and defined once at the end. */
const SHARED_TYPES: readonly z.ZodType[] = [
  EntityId,
  IsoUtcTime,
  IsoDate,
  NonEmptyText,
  LongText,
  SkillName,
  DecimalString,
  NonNegativeDecimal,
  PositiveDecimal,
  PercentDecimal,
  CurrencyCodeSchema,
  MoneySchema,
  Hours,
  HoursOrZero,
  Days,
  AllocationPct,
  Version,
  QuoteRevisionNumber,
  QuoteLineSchema,
  KpiId,
  KpiPeriod,
  KpiScope,
  KpiDefinition,
  KpiProjectTypeOverride,
];

/**
 * docs/domain.md: every stream category, event type with its schemaVersion and fields, and every
 * command, rendered from the schemas the code validates with, so the catalog cannot drift from
 * them (a unit test compares the file with this output).
 */
export function renderDomainCatalog(): string {
  const bases = new Map(SHARED_TYPES.map((schema) => jsonSchemaOf(schema)).map((json) => [json.title!, json] as const));
  return [
    header(),
    contents(),
    ...AGGREGATES.map((aggregate) => aggregateSection(aggregate, bases)),
    upcasterSection(),
    sharedTypesSection(bases),
  ].join('\n');
}

function header(): string {
  return `# Domain event catalog

<!-- Generated from libs/domain by \`npm run docs:domain\`. Do not edit: a unit test fails when this file differs from the code. -->

What the code accepts, generated from the zod schemas in \`libs/domain\`. The contract it implements is
\`../shared/DOMAIN.md\`; the interpretations it makes are in [decisions/0006](decisions/0006-domain-interpretations.md).

- Every event lives in a stream \`<category>-<id>\` and carries the envelope of DESIGN.md (occurredAt = business
  time, recordedAt = store time, actor, schemaVersion, hashes). The tables below are the event's \`data\`.
- A command is what a caller asks for; its aggregate's \`decide\` validates it, checks the invariants against the
  stream's state and returns the events. Time and actor come from the command's metadata
  (\`occurredAt\`, \`actor {id, role: ${ACTOR_ROLES.join(' | ')}}\`), never from a clock.
- Unknown fields are rejected. Decimals are strings with at most ${DECIMAL_SCALE} decimals; no amount is ever a JSON number.
- \`required\` = no: the field may be left out. A default is filled in when it is.
`;
}

function contents(): string {
  const rows = AGGREGATES.map(
    (aggregate) =>
      `| [\`${aggregate.category}-<id>\`](#${aggregate.category}) | ${aggregate.summary} | ${Object.keys(aggregate.events).length} |`,
  );
  return ['| stream | holds | events |', '| --- | --- | --- |', ...rows, ''].join('\n');
}

function aggregateSection(aggregate: AggregateEntry, bases: ReadonlyMap<string, JsonSchema>): string {
  const events = Object.entries(aggregate.events).map(([type, { schema, schemaVersion }]) =>
    messageSection(`${type} (schemaVersion ${schemaVersion})`, schema, bases),
  );
  const commands = Object.entries(aggregate.commands).map(([type, schema]) => messageSection(type, schema, bases));
  return [
    `<a id="${aggregate.category}"></a>`,
    `## \`${aggregate.category}-<id>\` — ${aggregate.summary}`,
    '',
    `\`<id>\`: ${aggregate.streamId}.`,
    '',
    '### Events',
    '',
    ...events,
    '### Commands',
    '',
    ...commands,
  ].join('\n');
}

function messageSection(heading: string, schema: z.ZodType, bases: ReadonlyMap<string, JsonSchema>): string {
  const json = jsonSchemaOf(schema);
  const rules = json.description === undefined ? '' : `${json.description}\n\n`;
  return `#### ${heading}\n\n${rules}${fieldTable(fieldRows(json, bases))}`;
}

function upcasterSection(): string {
  // Integer keys iterate in ascending order, so the steps list oldest first.
  const rows = Object.entries(UPCASTERS).flatMap(([type, steps]) =>
    Object.keys(steps).map((from) => `| ${type} | ${from} | ${Number(from) + 1} |`),
  );
  return [
    '## Upcasters',
    '',
    'A stored event of an older schemaVersion is upcast step by step to the current one before it is validated',
    '(`parseDomainEvent(type, data, where, schemaVersion)`).',
    '',
    '| event | from schemaVersion | to |',
    '| --- | --- | --- |',
    ...rows,
    '',
  ].join('\n');
}

function sharedTypesSection(bases: ReadonlyMap<string, JsonSchema>): string {
  const rows = [...bases.values()].map(
    (json) => `| ${json.title} | ${(json.description ?? '').replace(/\|/g, '\\|')} |`,
  );
  const composites = [...bases.values()]
    .filter((json) => json.properties !== undefined)
    .map((json) => `### ${json.title}\n\n${fieldTable(fieldRows(json, bases))}`);
  return ['## Shared types', '', '| type | meaning |', '| --- | --- |', ...rows, '', ...composites].join('\n');
}
