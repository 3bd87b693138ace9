import type { PickerKind } from '@presales/contracts';
import type { CommandSpec, DecimalRule, Field, FieldKind } from './field-model';
import type { JsonSchema, OpenApiDocument } from './json-schema';

/** Id fields that name a record of another kind: a searchable picker instead of free text. */
export const REFERENCES: Readonly<Record<string, PickerKind>> = {
  opportunityId: 'opportunities',
  tenderId: 'tenders',
  quoteId: 'quotes',
  activityId: 'activities',
  consultantId: 'consultants',
  consultantIds: 'consultants',
  assigneeId: 'consultants',
  authorId: 'consultants',
  ownerId: 'consultants',
  approverId: 'consultants',
  commanderId: 'consultants',
  memberIds: 'consultants',
  reviewerIds: 'consultants',
  assetId: 'assets',
  usedAssetIds: 'assets',
  reusedAssetIds: 'assets',
  gapId: 'gaps',
  productGapIds: 'gaps',
  teamId: 'teams',
  requirementId: 'requirements',
  requestId: 'support-requests',
  warRoomId: 'war-rooms',
};

/**
 * The ids a command introduces (the record it creates, or a new item inside one): a fresh id is
 * proposed instead of a picker of existing ones. Every other id field refers to an existing record.
 */
export const NEW_IDS: Readonly<Record<string, readonly string[]>> = {
  ReceiveTender: ['tenderId'],
  RegisterOpportunity: ['opportunityId'],
  RequestPresalesSupport: ['requestId'],
  CaptureRequirement: ['requirementId'],
  AssignResponseSection: ['sectionId'],
  HoldReview: ['reviewId'],
  RequestBidClarification: ['questionId'],
  DraftQuote: ['quoteId', 'lines.lineId'],
  ReviseQuote: ['lines.lineId'],
  ScheduleActivity: ['activityId'],
  OnboardConsultant: ['consultantId'],
  AssignConsultant: ['assignmentId'],
  LogTime: ['entryId'],
  SetGrowthGoal: ['goalId'],
  FormTeam: ['teamId'],
  OpenWarRoom: ['warRoomId'],
  PublishKnowledgeAsset: ['assetId'],
  IdentifyProductGap: ['gapId'],
  RaiseCorrectiveAction: ['actionId'],
};

/** Fields that start as the signed-in person (who acknowledges, authors, logs, requests). */
const ME_FIELDS: ReadonlySet<string> = new Set([
  'consultantId',
  'consultantIds',
  'authorId',
  'requestedBy',
  'salesOwnerId',
  'ownerId',
  'assigneeId',
]);

const DECIMAL_RULES: Readonly<Record<string, DecimalRule>> = {
  Decimal: 'any',
  NonNegativeDecimal: 'non-negative',
  PositiveDecimal: 'positive',
  PercentDecimal: 'percent',
};
const QUANTITIES: ReadonlySet<string> = new Set(['Hours', 'HoursOrZero', 'Days', 'AllocationPct']);

function typeOf(schema: JsonSchema): string | undefined {
  return Array.isArray(schema.type)
    ? (schema.type as string[]).find((t) => t !== 'null')
    : (schema.type as string | undefined);
}

function kindOf(command: string, name: string, path: string, schema: JsonSchema): FieldKind {
  const newIds = NEW_IDS[command] ?? [];
  const type = typeOf(schema);
  const title = schema.title;
  // A currency is published as the enum of ISO 4217 codes: its own field (codes, no labels to translate).
  if (title === 'CurrencyCode') return { type: 'currency' };
  if (schema.enum !== undefined) return { type: 'enum', values: schema.enum.map(String), many: false };
  if (title !== undefined && title in DECIMAL_RULES) return { type: 'decimal', rule: DECIMAL_RULES[title]! };
  if (title !== undefined && QUANTITIES.has(title)) {
    const exclusive = schema.exclusiveMinimum !== undefined;
    return {
      type: 'quantity',
      min: schema.exclusiveMinimum ?? schema.minimum ?? 0,
      exclusiveMin: exclusive,
      max: schema.maximum,
    };
  }
  if (title === 'Period') return { type: 'period' };
  if (type === 'string' && schema.format === 'date-time') return { type: 'datetime' };
  if (type === 'string' && schema.format === 'date') return { type: 'date' };
  if (title === 'Id' || title === 'KpiId') {
    if (newIds.includes(path)) return { type: 'new-id' };
    const picker = REFERENCES[name];
    return picker === undefined ? { type: 'id' } : { type: 'reference', picker, many: false };
  }
  if (type === 'string')
    return {
      type: 'text',
      multiline: title === 'LongText' || (schema.maxLength ?? 0) > 500,
      maxLength: schema.maxLength,
    };
  if (type === 'integer') return { type: 'integer', min: schema.minimum, max: schema.maximum };
  if (type === 'number')
    return {
      type: 'quantity',
      min: schema.exclusiveMinimum ?? schema.minimum ?? 0,
      exclusiveMin: schema.exclusiveMinimum !== undefined,
      max: schema.maximum,
    };
  if (type === 'boolean') return { type: 'boolean' };
  if (type === 'object' && schema.properties !== undefined)
    return { type: 'group', fields: fieldsOf(command, schema, `${path}.`) };
  if (type === 'array' && schema.items !== undefined) {
    const item = schema.items;
    if (item.enum !== undefined) return { type: 'enum', values: item.enum.map(String), many: true };
    if (item.title === 'Id' && REFERENCES[name] !== undefined)
      return { type: 'reference', picker: REFERENCES[name]!, many: true };
    if (typeOf(item) === 'string') return { type: 'text-list' };
    if (typeOf(item) === 'object' && item.properties !== undefined)
      return { type: 'rows', fields: fieldsOf(command, item, `${path}.`), min: schema.minItems ?? 0 };
  }
  return { type: 'json' };
}

/** The fields of an object schema, in the schema's order; `prefix` is the parent's dotted path. */
export function fieldsOf(command: string, schema: JsonSchema, prefix = ''): Field[] {
  const required = new Set(schema.required ?? []);
  return Object.entries(schema.properties ?? {}).map(([name, node]) => {
    const path = `${prefix}${name}`;
    const kind = kindOf(command, name, path, node);
    const hint = node.description ?? (node.title === undefined ? undefined : node.title);
    return {
      name,
      path,
      required: required.has(name),
      kind,
      hint,
      defaultsToMe: prefix === '' && ME_FIELDS.has(name) && (kind.type === 'reference' || kind.type === 'id'),
    };
  });
}

/**
 * Every command the OpenAPI document publishes (a POST whose operationId names it), with its form:
 * the path's parameter becomes the form's first field, a picker of the record it is addressed to.
 */
export function commandSpecs(document: OpenApiDocument): CommandSpec[] {
  const specs: CommandSpec[] = [];
  for (const [path, operations] of Object.entries(document.paths ?? {})) {
    const post = operations['post'];
    const schema = post?.requestBody?.content?.['application/json']?.schema;
    if (post?.operationId === undefined || schema === undefined || !/^[A-Z][A-Za-z]+$/.test(post.operationId)) continue;
    const command = post.operationId;
    const recordField = /\{(\w+)\}/.exec(path)?.[1];
    const body = fieldsOf(command, schema);
    const record: Field[] =
      recordField === undefined
        ? []
        : [
            {
              name: recordField,
              path: recordField,
              required: true,
              kind: kindOf(command, recordField, recordField, { type: 'string', title: 'Id' }),
              hint: undefined,
              defaultsToMe: recordField === 'consultantId',
            },
          ];
    specs.push({
      command,
      path,
      summary: post.summary ?? command,
      roles: post['x-roles'] ?? [],
      recordField,
      fields: [...record, ...body],
    });
  }
  return specs.sort((a, b) => a.command.localeCompare(b.command));
}
