import { describe, expect, it } from 'vitest';
import type { Field } from './field-model';
import { decimalProblem, decimalUnits } from './decimal-text';
import { commandSpecs } from './form-engine';
import { initialValues, toPayload, type FormValues } from './form-values';
import type { OpenApiDocument } from './json-schema';
import published from './openapi-commands.fixture.json';

const specs = commandSpecs(published as OpenApiDocument);
const spec = (command: string) => specs.find((s) => s.command === command)!;
const field = (command: string, path: string): Field => {
  const walk = (fields: readonly Field[]): Field | undefined =>
    fields
      .flatMap((f) => [
        f,
        ...(f.kind.type === 'group' || f.kind.type === 'rows'
          ? [walk(f.kind.fields)].filter((x): x is Field => x !== undefined && x.path === path)
          : []),
      ])
      .find((f) => f.path === path);
  return walk(spec(command).fields)!;
};
const start = { me: 'ana', newId: (name: string) => `new-${name}` };

describe('the form engine, on every command the API publishes', () => {
  it('makes a form for each of the 55 commands of the route table, with no field it cannot enter', () => {
    expect(specs).toHaveLength(55);
    const unsupported = specs.flatMap((s) =>
      s.fields.filter((f) => f.kind.type === 'json').map((f) => `${s.command}.${f.path}`),
    );
    expect(unsupported).toEqual([]);
  });

  it('proposes a fresh id for a tender received (its own route, outside the route table), not a picker of existing tenders', () => {
    const [receive] = commandSpecs({
      paths: {
        '/api/tenders': {
          post: {
            operationId: 'ReceiveTender',
            'x-roles': ['sales', 'presales'],
            requestBody: {
              content: {
                'application/json': {
                  schema: {
                    type: 'object',
                    required: ['tenderId', 'opportunityId'],
                    properties: {
                      tenderId: { type: 'string', title: 'Id' },
                      opportunityId: { type: 'string', title: 'Id' },
                    },
                  },
                },
              },
            },
          },
        },
      },
    } as OpenApiDocument);
    expect(receive!.fields.map((f) => [f.name, f.kind.type])).toEqual([
      ['tenderId', 'new-id'],
      ['opportunityId', 'reference'],
    ]);
  });

  it('puts the record the command is addressed to first, as a picker of that kind', () => {
    expect(spec('SubmitBid').recordField).toBe('tenderId');
    expect(spec('SubmitBid').fields[0]).toMatchObject({
      name: 'tenderId',
      required: true,
      kind: { type: 'reference', picker: 'tenders', many: false },
    });
    expect(spec('RegisterOpportunity').recordField).toBeUndefined();
    expect(field('RegisterOpportunity', 'opportunityId').kind.type).toBe('new-id');
  });

  it('reads the shared types: references, enums, decimals, quantities, money, times', () => {
    expect(field('CompleteActivity', 'usedAssetIds').kind).toEqual({ type: 'reference', picker: 'assets', many: true });
    expect(field('CompleteActivity', 'outcome').kind).toEqual({
      type: 'enum',
      values: ['positive', 'neutral', 'negative'],
      many: false,
    });
    expect(field('CompleteActivity', 'actualHours').kind).toMatchObject({
      type: 'quantity',
      min: 0,
      exclusiveMin: false,
    });
    expect(field('CompleteActivity', 'customerSatisfaction')).toMatchObject({
      required: false,
      kind: { type: 'integer', min: 1, max: 5 },
    });
    expect(field('ScheduleActivity', 'scheduledFor').kind.type).toBe('datetime');
    expect(field('LogTime', 'date').kind.type).toBe('date');
    expect(field('LogTime', 'hours').kind).toMatchObject({ type: 'quantity', exclusiveMin: true, max: 24 });
    const money = field('RegisterOpportunity', 'estimatedValue').kind;
    expect(money.type === 'group' && money.fields.map((f) => [f.name, f.kind.type])).toEqual([
      ['amount', 'decimal'],
      ['currency', 'currency'],
    ]);
    const lines = field('DraftQuote', 'lines').kind;
    expect(
      lines.type === 'rows' &&
        lines.fields.map((f) => (f.kind.type === 'decimal' ? `${f.name}:${f.kind.rule}` : `${f.name}:${f.kind.type}`)),
    ).toEqual([
      'lineId:new-id',
      'productLine:id',
      'sku:text',
      'description:text',
      'quantity:positive',
      'unitPrice:non-negative',
      'unitCost:non-negative',
      'discountPct:percent',
    ]);
    expect(field('AssessRequirementFit', 'requirementId').kind).toMatchObject({
      type: 'reference',
      picker: 'requirements',
    });
    expect(field('CaptureRequirement', 'requirementId').kind.type).toBe('new-id');
    expect(field('VerifyCorrectiveAction', 'effective').kind.type).toBe('boolean');
    expect(field('HoldReview', 'findings').kind).toMatchObject({ type: 'text', multiline: true });
  });

  it('starts with me where the person is the actor, and fresh ids for what the command introduces', () => {
    const values = initialValues(spec('LogTime').fields, { ...start, prefill: { opportunityId: 'opp-1' } });
    expect(values).toMatchObject({ consultantId: 'ana', entryId: 'new-entryId', opportunityId: 'opp-1', hours: '' });
    expect(initialValues(spec('ScheduleActivity').fields, start)['consultantIds']).toEqual(['ana']);
    // A sales person is not a consultant: requestedBy is an id, still me by default.
    expect(field('RequestPresalesSupport', 'requestedBy')).toMatchObject({ kind: { type: 'id' }, defaultsToMe: true });
    expect(initialValues(spec('RequestPresalesSupport').fields, start)).toMatchObject({
      requestedBy: 'ana',
      requestId: 'new-requestId',
    });
  });
});

describe('a form’s values become the payload the domain accepts', () => {
  it('keeps decimals as text, turns hours into numbers, leaves blank optional fields out', () => {
    const fields = spec('DraftQuote').fields;
    const values: FormValues = { ...initialValues(fields, start), opportunityId: 'opp-1', currency: 'CNY' };
    (values['lines'] as FormValues[])[0] = {
      lineId: 'l1',
      productLine: 'erp',
      sku: 'ERP-1',
      description: 'Licences',
      quantity: '3',
      unitPrice: '1000.50',
      unitCost: '400',
      discountPct: '12.5',
    };
    const { payload, problems } = toPayload(fields, values);
    expect(problems).toEqual({});
    expect(payload).toEqual({
      quoteId: 'new-quoteId',
      opportunityId: 'opp-1',
      currency: 'CNY',
      lines: [
        {
          lineId: 'l1',
          productLine: 'erp',
          sku: 'ERP-1',
          description: 'Licences',
          quantity: '3',
          unitPrice: '1000.50',
          unitCost: '400',
          discountPct: '12.5',
        },
      ],
    });
  });

  it('names each wrong field by the path the API would name it', () => {
    const fields = spec('DraftQuote').fields;
    const values: FormValues = { ...initialValues(fields, start), opportunityId: '', currency: 'CNY' };
    (values['lines'] as FormValues[])[0] = {
      lineId: 'l1',
      productLine: 'erp',
      sku: 'A',
      description: 'B',
      quantity: '0',
      unitPrice: '-1',
      unitCost: '1.1234567',
      discountPct: '101',
    };
    expect(toPayload(fields, values).problems).toEqual({
      opportunityId: { key: 'required' },
      'lines.0.quantity': { key: 'positive' },
      'lines.0.unitPrice': { key: 'notNegative' },
      'lines.0.unitCost': { key: 'decimal' },
      'lines.0.discountPct': { key: 'percent' },
    });
    const time = toPayload(spec('LogTime').fields, {
      ...initialValues(spec('LogTime').fields, start),
      date: '2026-03-02',
      hours: '25',
      category: 'internal',
    });
    expect(time.problems).toEqual({ hours: { key: 'range', params: { min: 0, max: 24 } } });
    const thirds = toPayload(spec('LogTime').fields, {
      ...initialValues(spec('LogTime').fields, start),
      date: '2026-03-02',
      hours: '1.333',
      category: 'internal',
    });
    expect(thirds.problems).toEqual({ hours: { key: 'quantity' } });
  });

  it('sends an empty list for a required list left empty, and the satisfaction as a whole number', () => {
    const fields = spec('CompleteActivity').fields;
    const { payload, problems } = toPayload(fields, {
      ...initialValues(fields, start),
      activityId: 'act-1',
      actualHours: '1.5',
      outcome: 'positive',
      customerSatisfaction: '5',
    });
    expect(problems).toEqual({});
    expect(payload).toEqual({
      activityId: 'act-1',
      actualHours: 1.5,
      outcome: 'positive',
      customerSatisfaction: 5,
      usedAssetIds: [],
    });
  });
});

describe('the domain’s decimal rules, in the browser', () => {
  it('reads decimals exactly, as libs/domain does', () => {
    expect(decimalUnits('12.5')).toBe(12_500_000n);
    expect(decimalUnits('-0.000001')).toBe(-1n);
    expect(decimalUnits('1e3')).toBeUndefined();
    expect(decimalUnits('0.1234567')).toBeUndefined();
    expect(decimalProblem('100.000001', 'percent')).toBe('percent');
    expect(decimalProblem('100', 'percent')).toBeUndefined();
    expect(decimalProblem('0.0', 'positive')).toBe('positive');
  });
});
