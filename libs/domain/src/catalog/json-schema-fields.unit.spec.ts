import { describe, expect, it } from 'vitest';
import { z } from 'zod';
import { fieldRows, fieldTable, jsonSchemaOf } from './json-schema-fields.js';

const noBases = new Map();

describe('field rows from JSON Schema', () => {
  it('flattens nested objects and object lists into dotted paths', () => {
    const schema = jsonSchemaOf(
      z.strictObject({
        a: z.strictObject({ b: z.string() }),
        list: z.array(z.strictObject({ c: z.number().int().min(1) })).min(1),
      }),
    );
    expect(fieldRows(schema, noBases).map((row) => [row.path, row.type, row.rules])).toEqual([
      ['a', 'object', ''],
      ['a.b', 'string', ''],
      ['list', 'object[]', 'at least 1 item'],
      ['list[].c', 'integer', '≥ 1'],
    ]);
  });

  it('shows nullable, literal, untyped and map fields', () => {
    const rows = fieldRows(
      {
        type: 'object',
        properties: {
          maybe: { type: ['string', 'null'] },
          fixed: { const: 'v2' },
          anything: {},
          map: { type: 'object', additionalProperties: { type: 'number' } },
          loose: { type: 'object' },
        },
        required: ['fixed'],
      },
      noBases,
    );
    expect(rows.map((row) => [row.path, row.type, row.required])).toEqual([
      ['maybe', 'string or null', 'no'],
      ['fixed', '"v2"', 'yes'],
      ['anything', 'any', 'no'],
      ['map', 'map of string → number', 'no'],
      ['loose', 'map of string → any', 'no'],
    ]);
  });

  it('shows a shared type by name, with only the bounds that differ from it', () => {
    const Hours = z.number().gt(0).max(100).meta({ title: 'Hours', description: 'hours' });
    const bases = new Map([['Hours', jsonSchemaOf(Hours)]]);
    const rows = fieldRows(jsonSchemaOf(z.strictObject({ week: Hours, day: Hours.max(24) })), bases);
    expect(rows.map((row) => [row.path, row.type, row.rules])).toEqual([
      ['week', 'Hours', ''],
      ['day', 'Hours', '≤ 24'],
    ]);
  });

  it('renders a table, escaping pipes, or says there are no fields', () => {
    expect(fieldTable([{ path: 'kind', type: 'a | b', required: 'yes', rules: 'x\ny' }])).toBe(
      '| field | type | required | rules |\n| --- | --- | --- | --- |\n| `kind` | a \\| b | yes | x y |\n',
    );
    expect(fieldTable([])).toBe('_no fields_\n');
  });
});
