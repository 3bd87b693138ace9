import { describe, expect, it } from 'vitest';
import { describeAnalyticsSchema, UndescribedSchemaError } from '../analytics-schema.js';
import { PROJECTED_TABLES } from '../tables.js';
import { COLUMN_MEANINGS, TABLE_COLUMN_MEANINGS } from './column-meanings.js';
import { TABLE_MEANINGS } from './table-meanings.js';

/** A Chinese text holds at least one CJK character, so an English line copied over is caught. */
const CJK = /[\u3400-\u9fff]/;

describe('the analytics schema, described in both languages', () => {
  const schema = describeAnalyticsSchema();

  it('covers every table the projector creates, and the migrations table, each column with the stored version', () => {
    expect(schema.map((table) => table.name)).toEqual([
      ...PROJECTED_TABLES.map((table) => table.name),
      'schema_migrations',
    ]);
    for (const table of PROJECTED_TABLES) {
      const described = schema.find((candidate) => candidate.name === table.name)!;
      expect(described.columns.map((column) => column.name)).toEqual([
        ...table.columns.map((column) => column.name),
        'version',
      ]);
    }
  });

  it('says what every table and every column means in English and in Chinese', () => {
    const faults: string[] = [];
    for (const table of schema) {
      for (const [what, meaning] of [
        [table.name, table.meaning] as const,
        ...table.columns.map((column) => [`${table.name}.${column.name}`, column.meaning] as const),
      ]) {
        if (meaning.en.trim() === '') faults.push(`${what}: no English`);
        if (!CJK.test(meaning['zh-CN'])) faults.push(`${what}: no Chinese`);
      }
    }
    expect(faults).toEqual([]);
  });

  it('keeps no meaning for a table or column that does not exist', () => {
    const tables = new Set(schema.map((table) => table.name));
    const columns = new Set(schema.flatMap((table) => table.columns.map((column) => column.name)));
    expect(Object.keys(TABLE_MEANINGS).filter((name) => !tables.has(name))).toEqual([]);
    expect(Object.keys(COLUMN_MEANINGS).filter((name) => !columns.has(name))).toEqual([]);
    const qualified = new Set(schema.flatMap((table) => table.columns.map((column) => `${table.name}.${column.name}`)));
    expect(Object.keys(TABLE_COLUMN_MEANINGS).filter((name) => !qualified.has(name))).toEqual([]);
  });

  it('refuses to describe a table whose meanings are missing, naming each', () => {
    const table = {
      name: 'not_described',
      columns: [{ name: 'mystery', type: 'String' }],
      orderBy: ['mystery'],
      shardBy: 'mystery',
    };
    expect(() => describeAnalyticsSchema([table])).toThrow(UndescribedSchemaError);
    expect(() => describeAnalyticsSchema([table])).toThrow('not_described, not_described.mystery');
  });
});
